import { type Kysely, sql } from 'kysely'

/**
 * Recording a crossing checks that its risk evaluation has not been used by another crossing (`movement-facts.ts`:
 * `EXISTS (SELECT 1 FROM crossings WHERE risk_evaluation_id = …)`). Nothing indexed that column, so each recording
 * read the whole crossings table while holding the traveller's lock: unseen in the benchmarks, which start empty, but
 * 4.6 s a recording on the 10M-crossing database of the plans benchmark (`EXPLAIN ANALYZE`, PostgreSQL 15). Partial:
 * crossings recorded without an evaluation (seeded traffic, imports) take no room in it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX crossings_risk_evaluation_idx ON crossings (risk_evaluation_id)
    WHERE risk_evaluation_id IS NOT NULL`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX crossings_risk_evaluation_idx`.execute(db)
}
