import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { canRefer, type OverrideGround } from '../../domain/protection/consent.ts'
import { checkAnswerValues, missingAnswers } from '../../domain/protection/identification-answers.ts'
import type { Answers } from '../../domain/protection/identification-form.ts'
import type { ServiceType } from '../../domain/protection/organisation.ts'
import { createReferral } from '../../domain/protection/referral-workflow.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { addTimeline, findCase } from './cases.repository.ts'
import { findPerson, listConsents, toConsentRecord } from './persons.repository.ts'
import type { IdentificationRow, PersonRow, ReferralRow } from './protection.tables.ts'
import { domainActor, json, unwrap } from './protection-actor.ts'
import { toOrganisation } from './provider.presenter.ts'
import { lockProvider } from './providers.repository.ts'
import { type ConsentInput, recordConsent } from './record-consent.ts'
import { type PersonInput, recordPerson } from './record-person.ts'
import { type ScreeningContext, screenIdentification } from './screen-identification.ts'

/** A person met at the border (recorded and screened now), or one a social worker already follows. */
export type ReferralSubject =
  | {
      kind: 'new'
      person: PersonInput
      answers: Answers
      context: ScreeningContext
      /** Incomplete answers record the person only: the receiving social worker completes the identification. */
      identifyLater?: boolean
    }
  | { kind: 'existing'; personId: string; caseId: string | null }

export interface ReferOptions {
  trx: Tx
  actor: RequestActor
  subject: ReferralSubject
  consents: ConsentInput[]
  providerId: string
  services: ServiceType[]
  note: string
  override: { ground: OverrideGround; reason: string } | null
  /** Consent never asked goes ahead as pending, for the receiving social worker to ask (see `canRefer`). */
  consentLater?: boolean
}

/** The person and, when the answers are complete (or must be), their screening. */
async function newSubject(
  o: ReferOptions,
  s: Extract<ReferralSubject, { kind: 'new' }>,
  agencyCode: string,
  at: Date,
): Promise<{ person: PersonRow; identification: IdentificationRow | null }> {
  if (s.identifyLater && missingAnswers(s.answers).length > 0) {
    unwrap(checkAnswerValues(s.answers))
    const person = await recordPerson({ trx: o.trx, actor: o.actor, person: s.person, agencyCode })
    return { person, identification: null }
  }
  return screenIdentification({ ...s, trx: o.trx, actor: o.actor, agencyCode, at })
}

async function existingPerson(o: ReferOptions, personId: string): Promise<PersonRow> {
  const person = await findPerson(o.trx, personId)
  if (!person) throw new AppError('validation_failed', {}, [{ path: 'body.personId', code: 'not_found' }])
  if (!can(o.actor, 'update', 'person', { agencyCode: person.agency_code })) throw new AppError('forbidden')
  return person
}

/**
 * Refers a person to a service provider: capacity first (nothing is written for a full shelter), then the
 * person and screening when new, the consents given, and the consent check — an override needs a permitted
 * role and a written reason, and is audited on its own.
 */
export async function referToProtection(o: ReferOptions): Promise<ReferralRow> {
  if (!can(o.actor, 'create', 'referral')) throw new AppError('forbidden')
  const provider = await lockProvider(o.trx, o.providerId)
  if (!provider?.active)
    throw new AppError('validation_failed', {}, [{ path: 'body.providerId', code: 'not_found' }])
  const at = new Date()
  const id = randomUUID()
  const actor = domainActor(o.actor)
  const planned = unwrap(
    createReferral(
      { id, toOrganisation: toOrganisation(provider), services: o.services },
      actor,
      at.toISOString(),
    ),
  )
  const s = o.subject
  const screened = s.kind === 'new' ? await newSubject(o, s, provider.agency_code, at) : undefined
  const person = screened?.person ?? (await existingPerson(o, (s as { personId: string }).personId))
  const caseId = s.kind === 'existing' ? s.caseId : null
  if (caseId && (await findCase(o.trx, caseId))?.person_id !== person.id)
    throw new AppError('validation_failed', {}, [{ path: 'body.caseId', code: 'not_found' }])
  for (const consent of o.consents) await recordConsent({ trx: o.trx, actor: o.actor, person, consent, at })
  const consents = (await listConsents(o.trx, person.id)).map(toConsentRecord)
  const permission = unwrap(
    canRefer(
      consents,
      {
        kind: 'service',
        fromOrganisationId: actor.organisationId,
        toOrganisationId: planned.toOrganisationId,
        ...(o.override ? { override: o.override } : {}),
        ...(o.consentLater ? { consentLater: true } : {}),
      },
      actor,
    ),
  )
  const row = await o.trx
    .insertInto('protection_referrals')
    .values({
      id,
      person_id: person.id,
      case_id: caseId,
      identification_id: screened?.identification?.id ?? null,
      provider_id: provider.id,
      from_agency: planned.fromOrganisationId,
      from_post: o.actor.postCode,
      to_agency: planned.toOrganisationId,
      services: json(planned.services),
      state: planned.state,
      basis: permission.basis,
      override: permission.basis === 'override' ? json(permission) : null,
      note: o.note,
      steps: json({}),
      created_by: o.actor.id,
      created_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  if (caseId) {
    const details = { referralId: id, providerId: provider.id }
    await addTimeline(o.trx, { caseId, kind: 'referral', event: 'created', by: o.actor.id, at, details })
  }
  // Ids only: the audit log is read by administrators, who must not learn which services (care, health) a person needs.
  const who = auditActor(o.actor)
  await appendAudit(o.trx, who, {
    action: 'create',
    resource: 'referral',
    recordId: id,
    details: {
      personId: person.id,
      providerId: provider.id,
      basis: permission.basis,
    },
  })
  if (permission.basis === 'override') {
    await appendAudit(o.trx, who, {
      action: 'consent_override',
      resource: 'referral',
      recordId: id,
      details: { overridden: permission.overridden, ground: permission.ground, reason: permission.reason },
    })
  }
  return row
}
