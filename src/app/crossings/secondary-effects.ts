import type { OverrideGround } from '../../domain/protection/consent.ts'
import type { Answers } from '../../domain/protection/identification-form.ts'
import type { ServiceType } from '../../domain/protection/organisation.ts'
import type { Tx } from '../../platform/db/database.ts'
import type { TravellerRow } from '../documents/documents.tables.ts'
import type { RequestActor } from '../identity/actor.ts'
import type { ConsentInput } from '../protection/record-consent.ts'
import { referToProtection } from '../protection/refer-to-protection.ts'
import { raiseAlerts } from '../risk/alerts.ts'
import { lockEvaluation, toStored } from '../risk/evaluations.repository.ts'
import { ALERT_AGENCIES } from '../risk/seed-rule-set.ts'
import { ruleViolation } from './record-movement.ts'

/** The short referral form of the secondary outcome: the person comes from the traveller's document. */
export interface ProtectionInput {
  answers: Answers
  consents: ConsentInput[]
  providerId: string
  services: ServiceType[]
  note: string
  override: { ground: OverrideGround; reason: string } | null
  givenKhmer: string | null
  familyKhmer: string | null
  mobilePhone: string | null
  provinceCode: string | null
}

const GENDER = { F: 'female', M: 'male' } as const

/** A protection referral made from the secondary outcome, through the protection area's own use case. */
export async function referTraveller(o: {
  trx: Tx
  actor: RequestActor
  traveller: TravellerRow
  protection: ProtectionInput
}): Promise<string> {
  const t = o.traveller
  const p = o.protection
  const referral = await referToProtection({
    trx: o.trx,
    actor: o.actor,
    subject: {
      kind: 'new',
      context: 'crossing',
      answers: p.answers,
      person: {
        givenLatin: t.given_names || t.surname,
        familyLatin: t.surname,
        givenKhmer: p.givenKhmer,
        familyKhmer: p.familyKhmer,
        birthDate: t.birth_date && /^\d{4}-\d{2}-\d{2}$/.test(t.birth_date) ? t.birth_date : null,
        birthDateEstimated: false,
        gender: GENDER[t.sex as keyof typeof GENDER] ?? 'unknown',
        nationality: t.nationality,
        mobilePhone: p.mobilePhone,
        provinceCode: p.provinceCode,
      },
    },
    consents: p.consents,
    providerId: p.providerId,
    services: p.services,
    note: p.note,
    override: p.override,
  })
  return referral.id
}

/**
 * The police (NPC) learn of a hand-over through the risk area's agency-alert inbox, which already carries the
 * reasons (the evaluation's hits), escalation and acknowledgement. An alert rests on an evaluation, so the referral
 * must carry one; if the police were already alerted on it at primary, that alert is the hand-over's.
 */
export async function alertPolice(o: {
  trx: Tx
  actor: RequestActor
  evaluationId: string | null
  note: string
}): Promise<string> {
  const row = o.evaluationId ? await lockEvaluation(o.trx, o.evaluationId) : undefined
  if (!row) throw ruleViolation('crossings.secondary.rules.police_needs_evaluation')
  const existing = await o.trx
    .selectFrom('risk_alerts')
    .select('id')
    .where('evaluation_id', '=', row.id)
    .where('agency_code', '=', ALERT_AGENCIES.notify_police)
    .executeTakeFirst()
  if (existing) return existing.id
  const [alert] = await raiseAlerts({
    trx: o.trx,
    actor: o.actor,
    evaluation: toStored(row),
    notify: ['notify_police'],
    note: o.note,
  })
  return alert!.id
}
