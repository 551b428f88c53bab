import { type Kysely, sql } from 'kysely'

/**
 * A referral from a mass return may go ahead before anyone has asked for consent (issue 16): the officer flags
 * and refers, the receiving social worker asks. Its basis is `consentPending`; a refusal still blocks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE protection_referrals DROP CONSTRAINT protection_referrals_basis_check`.execute(db)
  await sql`
    ALTER TABLE protection_referrals ADD CONSTRAINT protection_referrals_basis_check
    CHECK (basis IN ('consent', 'override', 'consentPending'))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE protection_referrals DROP CONSTRAINT protection_referrals_basis_check`.execute(db)
  await sql`
    ALTER TABLE protection_referrals ADD CONSTRAINT protection_referrals_basis_check
    CHECK (basis IN ('consent', 'override'))`.execute(db)
}
