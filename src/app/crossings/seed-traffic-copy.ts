import pg from 'pg'
import { COUNTED_BY_WRITER } from '../statistics/fold-deltas.ts'
import type { TrafficBatch } from './seed-traffic-batch.ts'
import { SeedCells } from './seed-traffic-cells.ts'
import { copyText } from './seed-traffic-copy-text.ts'
import { type CountPaths, countCells, prepareFine, sumCuboids } from './seed-traffic-count.ts'
import { backendCpuSeconds } from './seed-traffic-cpu.ts'
import { type BatchText, encodeBatch } from './seed-traffic-encode.ts'

/**
 * PostgreSQL's bulk path for synthetic traffic: `COPY … FROM STDIN` (through `pg-copy-streams`, the `pg` driver's
 * own companion for the COPY sub-protocol) on one connection, in one transaction. Row by row, ten million crossings
 * spent most of their time in foreign-key checks (seven index probes per crossing); here the foreign keys of the
 * two tables written are dropped at the start and added again before commit, which checks every row in one join
 * per key. Secondary indexes are dropped likewise and built again before commit, one sort each; primary keys, the
 * document number's unique key and CHECK constraints stay in force throughout. The statistics insert trigger is off for
 * this transaction only (migration 0024): the copied crossings are counted by this process as it encodes them
 * (`seed-traffic-cells.ts`) and copied into the rollups just before commit (`seed-traffic-count.ts`), so the
 * counts commit or roll back with the rows. The tables are locked for writing until commit: this is for seeding a
 * demo or benchmark database, not a live one.
 */
const TABLES = ['travel_documents', 'crossings'] as const
/** Tables whose indexes that back no constraint are dropped for the copy and built again before commit. */
const INDEXED = ['travellers', 'travel_documents', 'crossings'] as const

export class CopyWriter {
  private readonly client: pg.Client
  private foreignKeys: { table: string; name: string; definition: string }[] = []
  private indexes: { name: string; definition: string }[] = []
  /** The copied crossings counted into their statistics cells as they are encoded (only for the real tables). */
  private cells: SeedCells | null = null
  private secret: string | null = null
  /** Which way each cuboid was counted (known after commit). */
  paths: CountPaths = {}
  /** The benchmark's bare tables have neither trigger nor rollups: only the real ones are counted. */
  private readonly counts: boolean
  /** Time spent counting the written crossings into the rollups, in seconds (known after commit). */
  countSeconds = 0
  /** Where the time went, in seconds: the COPY statements, adding the foreign keys back, counting, committing. */
  readonly phases = { copy: 0, indexes: 0, foreignKeys: 0, count: 0, commit: 0 }
  /**
   * The server backend's CPU seconds in each phase (the copy phase from the first COPY to the last), or null when
   * the server is not on this machine (`seed-traffic-cpu.ts`).
   */
  serverCpu: Record<keyof CopyWriter['phases'], number> | null = {
    copy: 0,
    indexes: 0,
    foreignKeys: 0,
    count: 0,
    commit: 0,
  }
  private backendPid: number | undefined
  private cpuMark: number | null = null

  /** `into` renames the tables written (the benchmark's baseline copies the same rows into bare tables). */
  constructor(
    databaseUrl: string,
    private readonly into: (table: string) => string = (table) => table,
  ) {
    this.client = new pg.Client({ connectionString: databaseUrl })
    this.client.on('error', () => {})
    this.counts = into('crossings') === 'crossings'
  }

  /** Opens the transaction and drops the foreign keys of the written tables (kept to be added back). */
  async begin(): Promise<void> {
    await this.client.connect()
    const pid = await this.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
    this.backendPid = pid.rows[0]?.pid
    await this.client.query('BEGIN')
    if (this.counts) {
      await this.client.query(COUNTED_BY_WRITER)
      // The record keys' secret (migration 0014), read in this transaction: the rows are counted here as they
      // are generated (`seed-traffic-cells.ts`), with the keys the statistics view would give them.
      const secret = await this.client.query<{ secret: string }>('SELECT secret FROM stat_key_secret')
      if (secret.rows.length !== 1) throw new Error('stat_key_secret must hold exactly one secret')
      this.secret = secret.rows[0]!.secret
      this.cells = new SeedCells(this.secret)
    }
    const { rows } = await this.client.query<{ table: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY conrelid, conname`,
      [TABLES.map(this.into)],
    )
    this.foreignKeys = rows
    for (const fk of rows) await this.client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`)
    // Secondary indexes (the partial unique ones of the admission chain among them) cost a random insert per row
    // and index; built again before commit they are one sort each, and a unique one is checked on every row as it
    // is built. Indexes behind a constraint (primary keys, the document number's unique key) or that a foreign
    // key of another table relies on stay.
    const indexes = await this.client.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid = ANY($1::regclass[])
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
       ORDER BY 1`,
      [INDEXED.map(this.into)],
    )
    this.indexes = indexes.rows
    for (const i of this.indexes) await this.client.query(`DROP INDEX ${i.name}`)
    this.cpuMark = backendCpuSeconds(this.backendPid)
  }

  /** Adds the backend's CPU since the last mark to `phase`. */
  private markCpu(phase: keyof CopyWriter['phases']): void {
    const now = backendCpuSeconds(this.backendPid)
    if (this.serverCpu && now !== null && this.cpuMark !== null) this.serverCpu[phase] += now - this.cpuMark
    else this.serverCpu = null
    this.cpuMark = now
  }

  /** Travellers, their passports, then their movements: three COPY statements in the open transaction. */
  async write(batch: TrafficBatch, officerId: string): Promise<void> {
    const text = this.encode(batch, officerId)
    if (text) await this.send(text)
  }

  /**
   * The batch as the text of its three COPY statements (`encodeBatch`), counted into the cells as it is encoded:
   * the seed then generates the next batch while these stream (`copyPipelined`), so the node process and the
   * server work at the same time.
   */
  encode(batch: TrafficBatch, officerId: string): BatchText | null {
    if (!batch.travellers) return null
    // Counted as encoded: each batch is encoded once, and a failed copy throws the counts away with the writer.
    this.cells?.add(batch)
    return encodeBatch(batch, officerId)
  }

  /**
   * The record keys' secret the rows must be counted with, once `begin` has read it; null when this writer counts
   * nothing (the benchmark's bare tables). For a generator that counts on another thread (`copyGenerated`).
   */
  get countingSecret(): string | null {
    return this.secret
  }

  /** The cells counted on another thread from every row this writer sent, in place of its own (`copyGenerated`). */
  adoptCells(cells: SeedCells): void {
    if (!this.cells) throw new Error('this writer counts nothing')
    this.cells = cells
  }

  /** Sends one batch's text: three COPY statements, one after the other on the writer's connection. */
  async send(text: BatchText): Promise<void> {
    const started = performance.now()
    await copyText(
      this.client,
      this.into('travellers'),
      'id, surname, given_names, birth_date, sex, nationality',
      [text.travellers],
    )
    await copyText(
      this.client,
      this.into('travel_documents'),
      `id, traveller_id, issuing_state, document_code, document_number, format, source, nationality, surname,
        given_names, birth_date, sex, expiry_date, first_seen_at, last_seen_at, read_count, created_by`,
      [text.documents],
    )
    await copyText(
      this.client,
      this.into('crossings'),
      `id, traveller_id, document_id, post_code, counter, officer_id, agency_code, crossed_at, crossed_on, direction,
        purpose, permitted_stay_days, transport, decision, refusal_reason, matched_entry_id, stay_days, overstay_days,
        flags, previous_admitted_id`,
      [text.crossings],
    )
    this.phases.copy += (performance.now() - started) / 1000
  }

  /**
   * Builds every dropped index again, adds every dropped foreign key back (each checks all rows in one query),
   * counts the rows, and commits. Each phase's statements go as one multi-statement query, so the server works
   * through them while this process sums the cuboids (`sumCuboids`) instead of waiting for each reply.
   */
  async commit(): Promise<void> {
    this.markCpu('copy')
    const building = performance.now()
    // An index build's sort and the foreign keys' joins in memory, and no JIT compiling for the keys' one-off
    // checks (each planned above its cost threshold); all end with the transaction.
    await this.client.query(
      `SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL work_mem = '256MB'; SET LOCAL jit = off`,
    )
    const indexes = this.client.query(this.indexes.map((i) => `${i.definition};`).join('\n'))
    // Seen later by `await`; without a handler here a failure would first be reported as unhandled.
    indexes.catch(() => {})
    if (this.cells) sumCuboids(this.cells)
    await indexes
    this.phases.indexes = (performance.now() - building) / 1000
    this.markCpu('indexes')
    const keys = performance.now()
    const checked = this.client.query(
      this.foreignKeys
        .map((fk) => `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition};`)
        .join('\n'),
    )
    checked.catch(() => {})
    // Meanwhile, the finest cuboid's COPY text (the largest, nearly a row per crossing) is made ready.
    const ready = this.cells ? prepareFine(this.cells) : undefined
    await checked
    this.phases.foreignKeys = (performance.now() - keys) / 1000
    this.markCpu('foreignKeys')
    if (this.cells) {
      const started = performance.now()
      this.paths = await countCells(this.client, this.cells, ready)
      this.countSeconds = (performance.now() - started) / 1000
      this.phases.count = this.countSeconds
      this.markCpu('count')
    }
    const committing = performance.now()
    await this.client.query('COMMIT')
    this.phases.commit = (performance.now() - committing) / 1000
    this.markCpu('commit')
  }

  async close(): Promise<void> {
    await this.client.end()
  }

  /** Rolls back whatever was written (the foreign keys and indexes come back with it). */
  async abort(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => {})
  }
}
