import { type Kysely, sql } from 'kysely'

/**
 * Differentially private releases: each named release (a bulletin, a dataset on HDX) has a privacy budget,
 * and every noisy export into it spends part of it. The row is locked while an export spends, so two
 * concurrent exports cannot both spend the last of a budget. What each export spent is in the audit log.
 */
const STATEMENTS = [
  `CREATE TABLE statistics_releases (
    id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    epsilon_budget double precision NOT NULL CHECK (epsilon_budget > 0),
    delta_budget double precision NOT NULL CHECK (delta_budget >= 0 AND delta_budget < 1),
    spent_epsilon double precision NOT NULL DEFAULT 0 CHECK (spent_epsilon >= 0),
    spent_delta double precision NOT NULL DEFAULT 0 CHECK (spent_delta >= 0),
    exports integer NOT NULL DEFAULT 0,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now())`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('statistics_releases').ifExists().execute()
}
