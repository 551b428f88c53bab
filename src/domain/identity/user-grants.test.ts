import { describe, expect, it } from 'vitest'
import type { Actor } from './policy.ts'
import { ROLES, type Role, SCOPES, type Scope } from './roles.ts'
import { type Account, grantOptions, type Placement, refuseChange, refuseCreation } from './user-grants.ts'

// The actor sits in GDI at Poipet; placements are drawn from its own agency and another, its own post, another
// post and none, at every scope — the valid combinations only (a post-scoped user always has a post).
const AGENCIES = ['GDI', 'NPC']
const POSTS = ['LAND-POIPET', 'LAND-BAVET', null]
const PLACES = AGENCIES.flatMap((agencyCode) =>
  POSTS.flatMap((postCode) =>
    SCOPES.filter((scope) => scope !== 'post' || postCode !== null).map((scope) => ({
      agencyCode,
      postCode,
      scope,
    })),
  ),
)

// The account's current role matters only in that changing it is a change; two roles (the least and the most
// powerful) show that, and keep the matrix small enough to run in a couple of seconds.
const OLD_ROLES: Role[] = ['frontline_officer', 'administrator']

const actorOf = (role: Role, scope: Scope): Actor => ({
  id: 'actor',
  role,
  scope,
  agencyCode: 'GDI',
  postCode: 'LAND-POIPET',
})

// The intended reach, written out as the rule reads rather than computed from the policy table: only
// administrators administer users; a national one anyone, an agency one GDI's accounts below national, a post one
// only Poipet's post-scoped accounts.
function reaches(actorScope: Scope, p: Omit<Placement, 'role'>): boolean {
  switch (actorScope) {
    case 'national':
      return true
    case 'agency':
      return p.agencyCode === 'GDI' && p.scope !== 'national'
    case 'post':
      return p.agencyCode === 'GDI' && p.postCode === 'LAND-POIPET' && p.scope === 'post'
  }
}

describe('who may place a user where', () => {
  it('lets an actor create a user exactly where they reach, whatever the role granted', () => {
    let allowed = 0
    for (const actorRole of ROLES) {
      for (const actorScope of SCOPES) {
        const actor = actorOf(actorRole, actorScope)
        for (const place of PLACES) {
          for (const role of ROLES) {
            const expected = actorRole === 'administrator' && reaches(actorScope, place)
            const refusals = refuseCreation(actor, { ...place, role })
            expect(
              refusals.length === 0,
              `${actorRole}/${actorScope} creates ${role} ${JSON.stringify(place)}`,
            ).toBe(expected)
            if (expected) allowed++
          }
        }
      }
    }
    // national reaches all 16 places, agency the 5 in GDI below national, post the 1: × 8 roles.
    expect(allowed).toBe((16 + 5 + 1) * 8)
  })

  it('lets an actor move a user only from within reach to within reach, and never themselves', () => {
    const wrong: string[] = []
    let cases = 0
    for (const actorRole of ROLES) {
      for (const actorScope of SCOPES) {
        const actor = actorOf(actorRole, actorScope)
        for (const self of [false, true]) {
          for (const from of PLACES) {
            for (const oldRole of OLD_ROLES) {
              const current: Account = { id: self ? actor.id : 'other', ...from, role: oldRole }
              for (const to of PLACES) {
                for (const role of ROLES) {
                  const next: Placement = { ...to, role }
                  const unchanged =
                    role === oldRole &&
                    to.agencyCode === from.agencyCode &&
                    to.postCode === from.postCode &&
                    to.scope === from.scope
                  const expected =
                    actorRole === 'administrator' &&
                    reaches(actorScope, from) &&
                    reaches(actorScope, to) &&
                    (!self || unchanged)
                  // Collected rather than asserted one by one: the matrix holds 196,608 cases.
                  if ((refuseChange(actor, 'update', current, next).length === 0) !== expected)
                    wrong.push(
                      `${actorRole}/${actorScope}${self ? ' (self)' : ''} ${oldRole}@${JSON.stringify(from)} → ${role}@${JSON.stringify(to)}: expected ${expected}`,
                    )
                  cases++
                }
              }
            }
          }
        }
      }
    }
    expect(wrong.slice(0, 20)).toEqual([])
    expect(cases).toBe(8 * 3 * 2 * PLACES.length * OLD_ROLES.length * PLACES.length * 8)
  })

  it('lets an actor disable or reset the password of exactly the accounts within reach', () => {
    for (const actorRole of ROLES) {
      for (const actorScope of SCOPES) {
        const actor = actorOf(actorRole, actorScope)
        for (const place of PLACES) {
          for (const role of ROLES) {
            const account: Account = { id: 'other', ...place, role }
            const expected = actorRole === 'administrator' && reaches(actorScope, place)
            for (const action of ['disable', 'reset_password'] as const) {
              expect(
                refuseChange(actor, action, account, account).length === 0,
                `${actorRole}/${actorScope} ${action}`,
              ).toBe(expected)
            }
          }
        }
      }
    }
  })

  it('names what is refused, so the screen can point at the field', () => {
    const agencyAdmin = actorOf('administrator', 'agency')
    expect(
      refuseCreation(agencyAdmin, {
        role: 'administrator',
        agencyCode: 'GDI',
        postCode: null,
        scope: 'national',
      }),
    ).toEqual([{ reason: 'scope_beyond_reach', field: 'scope' }])
    const officer: Account = {
      id: 'officer',
      role: 'frontline_officer',
      agencyCode: 'GDI',
      postCode: 'LAND-POIPET',
      scope: 'post',
    }
    expect(
      refuseChange(agencyAdmin, 'update', officer, {
        role: 'investigator',
        agencyCode: 'NPC',
        postCode: null,
        scope: 'agency',
      }),
    ).toEqual([{ reason: 'agency_beyond_reach', field: 'agencyCode' }])
    const self: Account = {
      ...officer,
      id: agencyAdmin.id,
      role: 'administrator',
      postCode: null,
      scope: 'agency',
    }
    expect(refuseChange(agencyAdmin, 'update', self, { ...self, scope: 'national' })).toEqual([
      { reason: 'own_placement', field: 'scope' },
    ])
    const nationalAdmin: Account = { ...self, id: 'national', scope: 'national' }
    expect(refuseChange(agencyAdmin, 'reset_password', nationalAdmin, nationalAdmin)).toEqual([
      { reason: 'account_beyond_reach' },
    ])
    expect(refuseCreation(actorOf('post_chief', 'post'), officer)).toEqual([{ reason: 'not_permitted' }])
  })

  it('offers the screen only what the actor may grant', () => {
    expect(grantOptions(actorOf('administrator', 'national'))).toEqual({
      scopes: ['post', 'agency', 'national'],
      agencyCode: null,
      postCode: null,
    })
    expect(grantOptions(actorOf('administrator', 'agency'))).toEqual({
      scopes: ['post', 'agency'],
      agencyCode: 'GDI',
      postCode: null,
    })
    expect(grantOptions(actorOf('administrator', 'post'))).toEqual({
      scopes: ['post'],
      agencyCode: 'GDI',
      postCode: 'LAND-POIPET',
    })
    expect(grantOptions(actorOf('post_chief', 'post')).scopes).toEqual([])
    // Whatever the screen offers, the rule accepts.
    for (const scope of SCOPES) {
      const actor = actorOf('administrator', scope)
      const o = grantOptions(actor)
      for (const s of o.scopes) {
        const place = {
          role: 'frontline_officer' as const,
          agencyCode: o.agencyCode ?? 'NPC',
          postCode: o.postCode ?? 'LAND-BAVET',
          scope: s,
        }
        expect(refuseCreation(actor, place)).toEqual([])
      }
    }
  })
})
