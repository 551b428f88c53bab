import { type Kysely, sql } from 'kysely'

/**
 * Exchange through CamDX (issue 17 §6): the X-Road client subsystems allowed to call the exchange services, each
 * acting as one Passage role of one agency (and post, for a post-scoped role). Administrators keep the list; a
 * client is switched off, never deleted, so the audit entries that name it keep meaning something.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE exchange_xroad_clients (
      id uuid PRIMARY KEY,
      -- Canonical (decoded) INSTANCE/CLASS/MEMBER[/SUBSYSTEM].
      client_id text NOT NULL UNIQUE,
      agency_code text NOT NULL REFERENCES agencies(code),
      role text NOT NULL,
      scope text NOT NULL CHECK (scope IN ('post', 'agency', 'national')),
      post_code text REFERENCES points_of_entry(code),
      active boolean NOT NULL DEFAULT true,
      note text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((scope = 'post') = (post_code IS NOT NULL))
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS exchange_xroad_clients`.execute(db)
}
