import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { referFromBorder } from './protection.testing.ts'

describe.each(engines())('transfer of a case between agencies on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('moves the case and its person to the receiving agency, whose supervisor accepts it', async () => {
    const admin = await t.signIn('admin')
    const created = await admin.request('POST', '/api/users', {
      username: 'ngo.manager',
      displayName: 'Sam Sophy',
      role: 'case_manager',
      agencyCode: 'NGO',
      postCode: null,
      scope: 'agency',
      password: 'a temporary passphrase',
    })
    expect(created.statusCode).toBe(201)
    const ngo = await t.signIn('ngo.manager', 'a temporary passphrase')
    await ngo.request('POST', '/api/auth/password', {
      currentPassword: 'a temporary passphrase',
      newPassword: 'shelter lotus river dawn',
    })

    const referral = await referFromBorder(await t.signIn('officer.poipet'))
    const worker = await t.signIn('socialworker')
    const manager = await t.signIn('casemanager')
    const { caseId } = (
      await worker.request('POST', `/api/protection/referrals/${referral}/events`, { type: 'accept' })
    ).json()
    expect((await ngo.request('GET', `/api/protection/cases/${caseId}`)).statusCode).toBe(403)

    const asked = await manager.request('POST', `/api/protection/cases/${caseId}/events`, {
      type: 'requestTransfer',
      toAgencyId: 'NGO',
      reason: 'Family lives near the NGO shelter',
    })
    expect(asked.json().pendingRequest).toMatchObject({ kind: 'transfer', toAgency: 'NGO' })
    const inbox = (await ngo.request('GET', '/api/protection/cases')).json()
    expect(inbox.map((c: { id: string }) => c.id)).toEqual([caseId])
    const accepted = await ngo.request('POST', `/api/protection/cases/${caseId}/events`, {
      type: 'acceptTransfer',
    })
    expect(accepted.json()).toMatchObject({ agencyCode: 'NGO', state: 'registered', pendingRequest: null })

    expect((await worker.request('GET', `/api/protection/cases/${caseId}`)).statusCode).toBe(403)
    const personId = accepted.json().person.id
    expect((await worker.request('GET', `/api/protection/persons/${personId}`)).statusCode).toBe(403)
    expect((await ngo.request('GET', `/api/protection/persons/${personId}`)).statusCode).toBe(200)
  })
})
