import { randomBytes } from 'node:crypto'
import type { Role, Scope } from '../../domain/identity/roles.ts'
import type { Tx } from '../../platform/db/database.ts'
import { createUser } from './manage-users.ts'
import { updateUserRow } from './users.repository.ts'

interface DemoUser {
  username: string
  displayName: string
  role: Role
  agencyCode: string
  postCode: string | null
  scope: Scope
}

/** One demo user per role, spread so that every agency has someone to sign in as. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'officer.poipet',
    displayName: 'Sok Dara',
    role: 'frontline_officer',
    agencyCode: 'GDI',
    postCode: 'LAND-POIPET',
    scope: 'post',
  },
  {
    username: 'supervisor.poipet',
    displayName: 'Chan Sophea',
    role: 'shift_supervisor',
    agencyCode: 'GDI',
    postCode: 'LAND-POIPET',
    scope: 'post',
  },
  {
    username: 'chief.poipet',
    displayName: 'Keo Vanna',
    role: 'post_chief',
    agencyCode: 'GDI',
    postCode: 'LAND-POIPET',
    scope: 'post',
  },
  {
    username: 'customs.bavet',
    displayName: 'Nguon Pisey',
    role: 'frontline_officer',
    agencyCode: 'GDCE',
    postCode: 'LAND-BAVET',
    scope: 'post',
  },
  {
    username: 'investigator',
    displayName: 'Heng Rithy',
    role: 'investigator',
    agencyCode: 'NPC',
    postCode: null,
    scope: 'agency',
  },
  {
    username: 'socialworker',
    displayName: 'Lim Sreymom',
    role: 'social_worker',
    agencyCode: 'MOSVY',
    postCode: null,
    scope: 'agency',
  },
  {
    username: 'casemanager',
    displayName: 'Meas Chanthou',
    role: 'case_manager',
    agencyCode: 'MOSVY',
    postCode: null,
    scope: 'agency',
  },
  {
    username: 'ngo.worker',
    displayName: 'Phan Bopha',
    role: 'social_worker',
    agencyCode: 'NGO',
    postCode: null,
    scope: 'agency',
  },
  {
    username: 'analyst',
    displayName: 'Touch Sokunthea',
    role: 'analyst',
    agencyCode: 'NCCT',
    postCode: null,
    scope: 'national',
  },
  {
    username: 'iom.staff',
    displayName: 'Ly Kimheng',
    role: 'analyst',
    agencyCode: 'IOM',
    postCode: null,
    scope: 'agency',
  },
  {
    username: 'admin',
    displayName: 'System Administrator',
    role: 'administrator',
    agencyCode: 'GDI',
    postCode: null,
    scope: 'national',
  },
]

function demoPassword(): string {
  return `demo-${randomBytes(9).toString('base64url')}`
}

export interface DemoCredential {
  username: string
  password: string
  role: Role
  agencyCode: string
  postCode: string | null
}

/**
 * Demo mode only. Passwords are random and returned once for printing, unless `password` is given
 * (tests and training rooms set DEMO_PASSWORD). Demo users are not forced to change them.
 */
export async function seedDemoUsers(o: { trx: Tx; password?: string }): Promise<DemoCredential[]> {
  const out: DemoCredential[] = []
  for (const u of DEMO_USERS) {
    const password = o.password ?? demoPassword()
    const row = await createUser({ trx: o.trx, actor: null, user: { ...u, password } })
    await updateUserRow(o.trx, row.id, { must_change_password: false })
    out.push({ username: u.username, password, role: u.role, agencyCode: u.agencyCode, postCode: u.postCode })
  }
  return out
}
