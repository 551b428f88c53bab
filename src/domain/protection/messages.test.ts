import { describe, expect, it } from 'vitest'
import { catalogs } from '../../platform/i18n/catalog.ts'
import { CASE_STATES, CLOSURE_REASONS, MOSVY_STAGES } from './case-record.ts'
import { CASE_EVENTS } from './case-transitions.ts'
import { BEST_INTERESTS_STEPS } from './child-protection.ts'
import { CONSENT_PURPOSES, OVERRIDE_GROUNDS } from './consent.ts'
import { PROTECTION_ERRORS } from './errors.ts'
import { OUTCOMES } from './identification.ts'
import { CHILD_CARERS, IDENTIFICATION_FORM } from './identification-form.ts'
import { SERVICE_TYPES } from './organisation.ts'
import { GENDERS } from './person.ts'
import { REFERRAL_EVENTS, REFERRAL_STATES } from './referral-workflow.ts'
import { VULNERABILITY_TYPES } from './vulnerability.ts'

const keys = (prefix: string, ids: readonly string[]) => ids.map((id) => `${prefix}.${id}`)

/** Every code the domain returns and every label the form and workflows show. */
const REQUIRED = [
  ...Object.values(PROTECTION_ERRORS),
  ...keys(
    'protection.screening.sections',
    IDENTIFICATION_FORM.sections.map((s) => s.id),
  ),
  ...keys(
    'protection.screening.questions',
    IDENTIFICATION_FORM.sections.flatMap((s) => s.questions.map((q) => q.id)),
  ),
  ...keys('protection.screening.answers', ['yes', 'no', 'unsure']),
  ...keys('protection.screening.options', CHILD_CARERS),
  ...keys('protection.screening.outcomes', OUTCOMES),
  ...keys('protection.vulnerability', VULNERABILITY_TYPES),
  ...keys('protection.child.steps', BEST_INTERESTS_STEPS),
  ...keys('protection.child.status', ['accompanied', 'separated', 'unaccompanied']),
  ...keys('protection.case.states', CASE_STATES),
  ...keys('protection.case.events', CASE_EVENTS),
  ...keys('protection.case.stages', MOSVY_STAGES),
  ...keys('protection.case.closureReasons', CLOSURE_REASONS),
  ...keys('protection.referral.states', REFERRAL_STATES),
  ...keys('protection.referral.events', REFERRAL_EVENTS),
  ...keys('protection.services', SERVICE_TYPES),
  ...keys('protection.consent.purposes', CONSENT_PURPOSES),
  ...keys('protection.consent.overrideGrounds', OVERRIDE_GROUNDS),
  ...keys('protection.person.genders', GENDERS),
]

describe('protection messages', () => {
  it('exist in English and Khmer for every error code and label', () => {
    const { en, km } = catalogs()
    expect(REQUIRED.filter((k) => !(k in en))).toEqual([])
    expect(REQUIRED.filter((k) => !(k in km))).toEqual([])
  })
})
