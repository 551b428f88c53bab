import type { Client, TestApp } from './test-app.ts'

/**
 * A user the demo set lacks (another post's chief, another agency's manager), created by the administrator
 * through the real endpoint, with the first-sign-in password change done: a client ready to call the API.
 */
export async function signInNewUser(
  t: TestApp,
  user: { username: string; role: string; agencyCode: string; postCode: string | null; scope: string },
): Promise<Client> {
  const admin = await t.signIn('admin')
  const created = await admin.request('POST', '/api/users', {
    displayName: user.username,
    password: 'a temporary passphrase',
    ...user,
  })
  if (created.statusCode !== 201) throw new Error(`creating ${user.username}: ${created.body}`)
  const client = await t.signIn(user.username, 'a temporary passphrase')
  // The password rules refuse one that contains the username: a fixed phrase.
  const changed = await client.request('POST', '/api/auth/password', {
    currentPassword: 'a temporary passphrase',
    newPassword: 'shelter lotus river dawn',
  })
  if (changed.statusCode !== 200) throw new Error(`password of ${user.username}: ${changed.body}`)
  return client
}

/** The chief of another post than the demo's Poipet staff: for "another post's chief is refused" tests. */
export const BAVET_CHIEF = {
  username: 'chief.bavet',
  role: 'post_chief',
  agencyCode: 'GDI',
  postCode: 'LAND-BAVET',
  scope: 'post',
}
