import type { Kysely } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'
import type { GroundTables } from './training.tables.ts'

export const GROUND_SCHEMA = 'training_ground'

/**
 * The training ground's handle: the same connection (and transaction), with every table name resolved in the
 * `training_ground` schema and a type that knows no live table. Code written against it cannot name a
 * document, traveller, alert list or crossing — the compiler refuses — so an exercise cannot read live data nor
 * write where statistics, alert lists or the live audit read.
 */
export function ground(db: Executor): Kysely<GroundTables> {
  return (db as unknown as Kysely<GroundTables>).withSchema(GROUND_SCHEMA)
}
