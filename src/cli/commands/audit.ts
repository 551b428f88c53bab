import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { checkpointSettingsOf } from '../../app/audit/checkpoint-settings.ts'
import { operatorToken } from '../../app/audit/operator-token.ts'
import { verifyAuditLog } from '../../app/audit/verify-audit-log.ts'
import { writeCheckpoint } from '../../app/audit/write-checkpoint.ts'
import type { ChainReport } from '../../platform/audit/audit-verify.ts'
import { checkpointFileIn } from '../../platform/audit/checkpoint-file.ts'
import { formatVerifierKey, parseVerifierKey, verifierOf } from '../../platform/audit/signed-note.ts'
import { loadOrCreateSigningKey, readSigningKey } from '../../platform/audit/signing-key.ts'
import { type Config, loadConfig } from '../../platform/config/config.ts'
import { openMigratedStore } from '../../platform/runtime.ts'
import { type CliIO, type Command, UsageError } from '../command.ts'

const usage = `passage audit verify [--checkpoints PATH]... [--only] [--key VERIFIER-KEY] [--no-seal]
passage audit verify --url http://127.0.0.1:8080
passage audit checkpoint
passage audit key

verify      checks the hash chain, then the log against every signed checkpoint: those in AUDIT_CHECKPOINT_DIR and
            each --checkpoints file or directory (an off-machine copy). --only checks against the given ones alone;
            --key checks them with a verifier key printed by \`passage audit key\` instead of AUDIT_KEY_FILE.
            It first seals the entries committed but not yet chained (what the server's sealer does every
            AUDIT_SEAL_INTERVAL_MS), unless --no-seal, and says how many are left unsealed.
            With --url it asks the running server (the way to verify PGlite while the service runs), proving
            itself with a token signed by AUDIT_KEY_FILE.
checkpoint  signs the log's head now and appends it to the checkpoint file (the server does it every
            AUDIT_CHECKPOINT_SECONDS while the log grows).
key         prints the public verifier key; keep it with the off-machine copies of the checkpoints.

Exit status 0 when the log verifies, 1 when an entry was edited or removed, the newest entries are missing, the
log was replaced, or a checkpoint does not verify.`

/** Unsealed entries are not covered by the chain yet: the report says so, whatever else it says. */
function describeUnsealed(r: ChainReport): string {
  if (!r.unsealed) return ''
  return `\n${r.unsealed} entries are committed but not yet sealed into the chain (oldest written ${r.oldestUnsealedAt}); until they are, an edit or removal of them cannot be detected.`
}

function describeReport(r: ChainReport): string {
  return describeVerdict(r) + describeUnsealed(r)
}

function describeVerdict(r: ChainReport): string {
  if (r.ok) {
    const intact = `Audit log intact: ${r.entries} entries verified`
    return r.latest
      ? `${intact} against ${r.checkpoints} signed checkpoints (newest: ${r.latest.size} entries at ${r.latest.time}).`
      : `${intact}.\nWarning: no signed checkpoint to compare with, so removal of the newest entries cannot be detected.`
  }
  switch (r.reason) {
    case 'hash_mismatch':
      return `Audit log BROKEN at entry ${r.brokenAt}: its content was changed.`
    case 'link_mismatch':
      return `Audit log BROKEN at entry ${r.brokenAt}: the entry before it was changed or removed.`
    case 'checkpoint_mismatch':
      return `Audit log BROKEN at entry ${r.brokenAt}: it is not entry ${r.checkpoint.size} the checkpoint of ${r.checkpoint.time} signed (${r.checkpoint.source}); the log was rewritten or replaced.`
    case 'entries_missing':
      return r.entries === 0
        ? `Audit log BROKEN: the log is empty, but the checkpoint of ${r.checkpoint.time} signed ${r.checkpoint.size} entries (${r.checkpoint.source}).`
        : `Audit log BROKEN: the newest ${r.missing} entries are missing. The log holds ${r.entries}; the checkpoint of ${r.checkpoint.time} signed ${r.checkpoint.size}, up to entry ${r.checkpoint.lastSeq} (${r.checkpoint.source}).`
    case 'checkpoint_invalid': {
      const why = {
        signature: 'is not signed by this log’s key',
        origin: 'belongs to another log',
        format: 'is malformed',
        no_key: 'cannot be checked: there is no signing key (AUDIT_KEY_FILE) and no --key',
      }[r.problem]
      return `Audit log NOT VERIFIED: the checkpoint at ${r.checkpoint.source} ${why}.`
    }
  }
}

async function verifyRemote(url: string, config: Config, io: CliIO): Promise<number> {
  const key = readSigningKey(config.auditKeyFile)
  if (!key) throw new Error(`no signing key at ${config.auditKeyFile}: run this as the service's user`)
  const res = await fetch(new URL('/api/audit/verify/operator', url), {
    headers: { 'x-passage-audit-token': operatorToken(config.auditOrigin, key) },
  })
  const body = (await res.json().catch(() => null)) as
    | (ChainReport & { error?: undefined })
    | { error: { message: string } }
    | null
  if (!res.ok || !body || body.error)
    throw new Error(`the server refused (${res.status}): ${body?.error?.message}`)
  io.stdout.write(`${describeReport(body as ChainReport)}\n`)
  return (body as ChainReport).ok ? 0 : 1
}

async function verifyLocal(v: Values, config: Config, io: CliIO): Promise<number> {
  for (const path of v.checkpoints ?? [])
    if (!existsSync(path)) throw new UsageError(`no checkpoint file or directory at ${path}`)
  let verifier: ReturnType<typeof parseVerifierKey> | undefined
  try {
    verifier = v.key ? parseVerifierKey(v.key) : undefined
  } catch (err) {
    throw new UsageError(`--key: ${(err as Error).message}`)
  }
  const store = await openMigratedStore(config)
  try {
    const report = await verifyAuditLog({
      db: store.db,
      settings: checkpointSettingsOf(config),
      sources: v.checkpoints,
      onlySources: v.only,
      verifier,
      seal: !v['no-seal'],
    })
    io.stdout.write(`${describeReport(report)}\n`)
    return report.ok ? 0 : 1
  } finally {
    await store.close()
  }
}

async function checkpointNow(config: Config, io: CliIO): Promise<number> {
  const settings = checkpointSettingsOf(config)
  const key = loadOrCreateSigningKey(settings.keyFile)
  const store = await openMigratedStore(config)
  try {
    const result = await writeCheckpoint({ db: store.db, settings, key, always: true })
    if (result.written) {
      const c = result.checkpoint
      io.stdout.write(
        `Checkpoint signed: ${c.size} entries, up to entry ${c.lastSeq}, appended to ${checkpointFileIn(settings.dir)}\n`,
      )
      return 0
    }
    io.stderr.write(
      result.reason === 'last_checkpoint_invalid'
        ? `Not signed: the last checkpoint (${result.source}) does not verify with this key.\n`
        : `Not signed: the log no longer holds entry ${result.last.lastSeq} that the checkpoint of ${result.last.time.toISOString()} signed. Run \`passage audit verify\`.\n`,
    )
    return 1
  } finally {
    await store.close()
  }
}

type Values = { url?: string; checkpoints?: string[]; key?: string; only?: boolean; 'no-seal'?: boolean }

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Verify the tamper-evident audit log, sign a checkpoint, print the verifier key',
  usage,
  async run([sub, ...rest], io) {
    const { values: v, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        checkpoints: { type: 'string', multiple: true },
        key: { type: 'string' },
        only: { type: 'boolean' },
        'no-seal': { type: 'boolean' },
      },
    })
    if (positionals.length > 0) throw new UsageError(`unexpected "${positionals[0]}"`)
    const config = loadConfig()
    if (sub === 'verify') {
      if (!v.url) return verifyLocal(v, config, io)
      if (v.checkpoints || v.key || v.only || v['no-seal'])
        throw new UsageError(
          '--url verifies against the server’s own checkpoints: copy yours and verify locally',
        )
      return verifyRemote(v.url, config, io)
    }
    if (Object.keys(v).length > 0) throw new UsageError(`audit ${sub} takes no options`)
    if (sub === 'checkpoint') return checkpointNow(config, io)
    if (sub === 'key') {
      const key = readSigningKey(config.auditKeyFile)
      if (!key)
        throw new Error(
          `no signing key at ${config.auditKeyFile}: it is created when the server first starts`,
        )
      io.stdout.write(`${formatVerifierKey(verifierOf(config.auditOrigin, key))}\n`)
      return 0
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required')
  },
}
