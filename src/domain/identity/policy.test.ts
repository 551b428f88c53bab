import { describe, expect, it } from 'vitest'
import { ACTIONS, type Actor, allowedScope, can, POLICY, RESOURCES } from './policy.ts'
import { ROLES, type Role, SCOPES, type Scope } from './roles.ts'

// Every border role does what the officer at the counter does; a supervisor adds oversight of the post, and the
// post chief adds the senior risk work.
const AT_THE_COUNTER = [
  'reference:read@national',
  'agency:read@national',
  'post:read@national',
  'provider:read@national',
  'identification:create@national',
  'referral:read@national',
  'referral:create@national',
  'document:read@national',
  'document:create@national',
  'examination:read@post',
  'examination:create@post',
  'examination_template:read@national',
  'risk_evaluation:read@post',
  'risk_evaluation:create@post',
  'risk_evaluation:update@post',
  'screening:create@post',
  'crossing:read@post',
  'crossing:create@post',
  'secondary_inspection:read@post',
  'secondary_inspection:create@post',
  'secondary_inspection:update@post',
  'shift:read@post',
  'shift:create@post',
  'shift:update@post',
  'returnee:read@post',
  'returnee:create@post',
  'returnee:update@post',
  'training_record:read@national',
  'training_exercise:read@national',
  'training_exercise:create@national',
  'exchange_arrival:read@post',
  'exchange_arrival:update@post',
]
const SUPERVISING = [
  ...AT_THE_COUNTER,
  'user:read@post',
  'document_statistics:read@post',
  'rule_set:read@national',
  'screening_hit:read@post',
  'screening_hit:update@post',
  'secondary_inspection:approve@post',
  'statistics:read@post',
  // Plan monitoring (issue 14): every role but the counter officer reads the plan and its reported values.
  'plan:read@national',
  'plan_report:read@national',
]
const PLAN_READ = ['plan:read@national', 'plan_report:read@national']
const PLAN_REPORT = ['plan_report:create@agency', 'plan_report:update@agency']

// The intended authorisation, written independently of POLICY so that a change to either shows up here.
// Each entry: role → "resource:action@widest scope".
const EXPECTED: Record<Role, string[]> = {
  frontline_officer: [...AT_THE_COUNTER],
  shift_supervisor: [...SUPERVISING],
  post_chief: [
    ...SUPERVISING,
    'risk_analysis:read@post',
    'rule_set:create@national',
    'rule_set:update@national',
    'rule_set:approve@national',
    ...PLAN_REPORT,
    'training_record:create@national',
    'training_record:update@national',
    'training_exercise:update@national',
  ],
  investigator: [
    ...PLAN_READ,
    ...PLAN_REPORT,
    'reference:read@national',
    'agency:read@national',
    'post:read@national',
    'provider:read@national',
    'document:read@national',
    'examination:read@national',
    'examination_template:read@national',
    'risk_alert:read@agency',
    'risk_alert:update@agency',
    'watchlist:read@agency',
    'watchlist:create@agency',
    'watchlist:update@agency',
    'screening_hit:read@agency',
    'screening_hit:update@agency',
    'training_record:read@national',
    'training_exercise:read@national',
    'training_exercise:create@national',
  ],
  social_worker: [
    ...PLAN_READ,
    'reference:read@national',
    'agency:read@national',
    'post:read@national',
    'provider:read@national',
    'identification:read@national',
    'identification:create@national',
    'referral:read@national',
    'referral:create@national',
    'referral:update@national',
    'person:read@national',
    'person:create@national',
    'person:update@national',
    'case:read@national',
    'case:create@national',
    'case:update@national',
    'risk_alert:read@agency',
    'risk_alert:update@agency',
    'returnee:read@national',
    'returnee:create@national',
    'returnee:update@national',
    'training_record:read@national',
    'exchange_message:read@national',
    'exchange_message:create@national',
    'exchange_arrival:read@national',
    'exchange_arrival:update@national',
  ],
  case_manager: [
    ...PLAN_READ,
    ...PLAN_REPORT,
    'reference:read@national',
    'agency:read@national',
    'post:read@national',
    'provider:read@national',
    'provider:create@national',
    'provider:update@national',
    'identification:read@national',
    'identification:create@national',
    'referral:read@national',
    'referral:create@national',
    'referral:update@national',
    'person:read@national',
    'person:create@national',
    'person:update@national',
    'case:read@national',
    'case:create@national',
    'case:update@national',
    'case:approve@national',
    'case:export@national',
    'risk_alert:read@agency',
    'risk_alert:update@agency',
    'returnee:read@national',
    'statistics:read@national',
    'statistics:export@national',
    'training_record:read@national',
    'exchange_agreement:read@national',
    'exchange_message:read@national',
    'exchange_message:create@national',
    'exchange_arrival:read@national',
  ],
  analyst: [
    ...PLAN_READ,
    ...PLAN_REPORT,
    'plan:create@national',
    'plan:update@national',
    'plan_report:approve@national',
    'crossing:read@national',
    'risk_analysis:read@national',
    'reference:read@national',
    'agency:read@national',
    'post:read@national',
    'provider:read@national',
    'document_statistics:read@national',
    'rule_set:read@national',
    'rule_set:create@national',
    'rule_set:update@national',
    'rule_set:approve@national',
    'risk_alert:read@agency',
    'risk_alert:update@agency',
    'statistics:read@national',
    'statistics:export@national',
    'statistics_microdata:read@national',
    'training_record:read@national',
    'training_record:create@national',
    'training_record:update@national',
    'training_exercise:read@national',
    'training_exercise:create@national',
    'training_exercise:update@national',
    'exchange_agreement:read@national',
  ],
  administrator: [
    ...PLAN_READ,
    'plan:create@national',
    'plan:update@national',
    'reference:read@national',
    'agency:read@national',
    'agency:create@national',
    'agency:update@national',
    'post:read@national',
    'post:create@national',
    'post:update@national',
    'user:read@national',
    'user:create@national',
    'user:update@national',
    'user:disable@national',
    'user:reset_password@national',
    'audit:read@national',
    'audit:verify@national',
    'disclosure_settings:read@national',
    'disclosure_settings:update@national',
    'exchange_agreement:read@national',
    'exchange_agreement:create@national',
    'exchange_agreement:update@national',
    'provider:read@national',
    'provider:create@national',
    'provider:update@national',
    'examination_template:read@national',
    'examination_template:create@national',
    'examination_template:update@national',
    'watchlist:read@national',
    'watchlist:create@national',
    'watchlist:update@national',
    'refusal_reason:create@national',
    'refusal_reason:update@national',
    'training_record:read@national',
    'training_record:create@national',
    'training_record:update@national',
    'training_exercise:read@national',
    'training_exercise:create@national',
    'training_exercise:update@national',
  ],
}

const actor = (role: Role, scope: Scope): Actor => ({
  id: 'u',
  role,
  scope,
  agencyCode: 'GDI',
  postCode: 'LAND-POIPET',
})

describe('the policy table', () => {
  it('grants exactly the expected matrix for every role × action × resource × user scope', () => {
    for (const role of ROLES) {
      for (const userScope of SCOPES) {
        for (const resource of RESOURCES) {
          for (const action of ACTIONS) {
            const grant = EXPECTED[role].find((e) => e.startsWith(`${resource}:${action}@`))
            const widest = grant?.split('@')[1] as Scope | undefined
            const expected = widest
              ? SCOPES.indexOf(widest) < SCOPES.indexOf(userScope)
                ? widest
                : userScope
              : null
            expect(
              allowedScope(actor(role, userScope), action, resource),
              `${role}/${userScope} ${resource}:${action}`,
            ).toBe(expected)
          }
        }
      }
    }
  })

  it('has no duplicate grants', () => {
    const keys = POLICY.map((g) => `${g.role}:${g.resource}:${g.action}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('confines a post-scoped grant to the actor’s own post and agency', () => {
    const chief = actor('post_chief', 'post')
    expect(can(chief, 'read', 'user', { agencyCode: 'GDI', postCode: 'LAND-POIPET' })).toBe(true)
    expect(can(chief, 'read', 'user', { agencyCode: 'GDI', postCode: 'LAND-BAVET' })).toBe(false)
    expect(can(chief, 'read', 'user', { agencyCode: 'MOSVY', postCode: null })).toBe(false)
  })

  it('narrows a national grant to the user’s own scope', () => {
    const admin = actor('administrator', 'agency')
    expect(can(admin, 'update', 'user', { agencyCode: 'GDI' })).toBe(true)
    expect(can(admin, 'update', 'user', { agencyCode: 'NPC' })).toBe(false)
  })

  it('denies anything not listed', () => {
    expect(can(actor('analyst', 'national'), 'read', 'audit')).toBe(false)
    expect(can(actor('frontline_officer', 'national'), 'create', 'user')).toBe(false)
  })
})
