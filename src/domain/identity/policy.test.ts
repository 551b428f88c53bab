import { describe, expect, it } from 'vitest'
import { ACTIONS, type Actor, allowedScope, can, POLICY, RESOURCES } from './policy.ts'
import { ROLES, type Role, SCOPES, type Scope } from './roles.ts'

// The intended authorisation, written independently of POLICY so that a change to either shows up here.
// Each entry: role → "resource:action@widest scope".
const EXPECTED: Record<Role, string[]> = {
  frontline_officer: ['reference:read@national', 'agency:read@national', 'post:read@national'],
  shift_supervisor: [
    'reference:read@national',
    'agency:read@national',
    'post:read@national',
    'user:read@post',
  ],
  post_chief: ['reference:read@national', 'agency:read@national', 'post:read@national', 'user:read@post'],
  investigator: ['reference:read@national', 'agency:read@national', 'post:read@national'],
  social_worker: ['reference:read@national', 'agency:read@national', 'post:read@national'],
  case_manager: ['reference:read@national', 'agency:read@national', 'post:read@national'],
  analyst: ['reference:read@national', 'agency:read@national', 'post:read@national'],
  administrator: [
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
