import { type Kysely, sql } from 'kysely'

/**
 * Exchange (issue 17), second part. Keys: a retired key verifies what was signed until its end date
 * (`expires_at`); own private keys move to files (`exchange_keys.private_jwk` is emptied at start by
 * `moveLegacyPrivateKeys` and no longer written). Retention: a message past its agreement's retention keeps its
 * hashes (the chain between the two parties stays verifiable) while its payload is minimised and its signed bytes
 * dropped, so `jws` may now be null and `purged_at` records when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE exchange_keys ADD COLUMN expires_at timestamptz`.execute(db)
  await sql`ALTER TABLE exchange_messages ALTER COLUMN jws DROP NOT NULL`.execute(db)
  await sql`ALTER TABLE exchange_messages ADD COLUMN purged_at timestamptz`.execute(db)
  // The purge looks for old, unpurged messages only.
  await sql`CREATE INDEX exchange_messages_unpurged ON exchange_messages (sent_at) WHERE purged_at IS NULL`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS exchange_messages_unpurged`.execute(db)
  await sql`ALTER TABLE exchange_messages DROP COLUMN IF EXISTS purged_at`.execute(db)
  await sql`ALTER TABLE exchange_keys DROP COLUMN IF EXISTS expires_at`.execute(db)
}
