import { type Kysely, sql } from 'kysely'

/**
 * Cross-border exchange (issue 17): partner authorities and their keys, agreements as data, the outbox and inbox
 * of signed messages, and the expected arrivals that return lists and agreed handovers announce. A refused
 * message leaves no row here, only its audit entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE exchange_authorities (
      code text PRIMARY KEY,
      country text NOT NULL,
      name_en text NOT NULL,
      name_km text NOT NULL,
      -- The partner's inbox URL for online delivery; null for a partner reached by files only.
      endpoint text,
      contacts jsonb NOT NULL DEFAULT '[]',
      is_self boolean NOT NULL DEFAULT false,
      -- For this instance's own authority: the domestic agency that owns what the exchange brings in (alert lists).
      agency_code text REFERENCES agencies(code),
      demo boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE UNIQUE INDEX exchange_authorities_one_self ON exchange_authorities (is_self) WHERE is_self`.execute(
    db,
  )
  await sql`
    CREATE TABLE exchange_keys (
      kid text PRIMARY KEY,
      authority_code text NOT NULL REFERENCES exchange_authorities(code),
      use text NOT NULL CHECK (use IN ('sig', 'enc')),
      public_jwk jsonb NOT NULL,
      private_jwk jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- The newest active key of each use signs or is encrypted to; older ones still verify until revoked.
      retired_at timestamptz,
      revoked_at timestamptz
    )`.execute(db)
  await sql`CREATE INDEX exchange_keys_authority ON exchange_keys (authority_code, use)`.execute(db)
  await sql`
    CREATE TABLE exchange_agreements (
      id text PRIMARY KEY,
      code text NOT NULL UNIQUE,
      title text NOT NULL,
      legal jsonb NOT NULL,
      partner_code text NOT NULL REFERENCES exchange_authorities(code),
      valid_from date NOT NULL,
      valid_until date NOT NULL,
      rules jsonb NOT NULL,
      demo boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until >= valid_from)
    )`.execute(db)
  await sql`
    CREATE TABLE exchange_messages (
      id uuid NOT NULL,
      direction text NOT NULL CHECK (direction IN ('out', 'in')),
      partner_code text NOT NULL REFERENCES exchange_authorities(code),
      agreement_code text NOT NULL,
      type text NOT NULL,
      thread_ref text,
      content jsonb NOT NULL,
      -- The signed envelope (JWS) exactly as sent or received: the evidence either side can show.
      jws text NOT NULL,
      hash text NOT NULL,
      prev_hash text,
      sent_at timestamptz NOT NULL,
      -- out: pending → delivered | refused; in: applied.
      status text NOT NULL,
      sealed text,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      last_error text,
      receipt text,
      applied_ref text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id, direction)
    )`.execute(db)
  await sql`CREATE INDEX exchange_messages_due ON exchange_messages (next_attempt_at) WHERE status = 'pending'`.execute(
    db,
  )
  await sql`CREATE INDEX exchange_messages_thread ON exchange_messages (partner_code, thread_ref)`.execute(db)
  await sql`CREATE INDEX exchange_messages_chain ON exchange_messages (partner_code, direction, sent_at)`.execute(
    db,
  )
  await sql`
    CREATE TABLE exchange_arrivals (
      id uuid PRIMARY KEY,
      message_id uuid NOT NULL,
      partner_code text NOT NULL,
      -- A return list's row id, or the repatriation's reference for an agreed handover.
      row_key text NOT NULL,
      thread_ref text,
      post_code text,
      border_point text NOT NULL,
      expected_on date NOT NULL,
      family_latin text,
      given_latin text,
      sex text,
      birth_date text,
      nationality text,
      status text NOT NULL DEFAULT 'expected' CHECK (status IN ('expected', 'arrived')),
      arrived_at timestamptz,
      arrived_by uuid,
      case_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (partner_code, row_key)
    )`.execute(db)
  await sql`CREATE INDEX exchange_arrivals_post_day ON exchange_arrivals (post_code, expected_on)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'exchange_arrivals',
    'exchange_messages',
    'exchange_agreements',
    'exchange_keys',
    'exchange_authorities',
  ])
    await sql`DROP TABLE IF EXISTS ${sql.raw(t)}`.execute(db)
}
