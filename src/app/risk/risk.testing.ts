import type { Client } from '../../test/test-app.ts'

/** The id of the version now active, as the list shows it. */
export async function activeId(c: Client): Promise<string> {
  const res = await c.request('GET', '/api/risk/rule-sets')
  return res.json().items.find((v: { status: string }) => v.status === 'active').id
}

/** A new draft copied from the active version, with `change` applied to its rule JSON and saved. */
export async function draftWith(
  c: Client,
  change: (ruleSet: { indicators: Record<string, unknown>[] }) => void,
): Promise<string> {
  const created = await c.request('POST', '/api/risk/rule-sets', { fromId: await activeId(c) })
  const draft = created.json()
  change(draft.ruleSet)
  const saved = await c.request('PUT', `/api/risk/rule-sets/${draft.id}`, draft.ruleSet)
  if (saved.statusCode !== 200) throw new Error(`saving the draft failed: ${saved.body}`)
  return draft.id
}

/** A crossing that trips the trafficking indicators, among them one that suggests notifying the police. */
export const TRAFFICKING_CONTEXT = {
  traveller: { ageYears: 22, sex: 'female', nationality: 'KHM', firstInternationalTrip: true },
  document: { heldByTraveller: false },
  travel: {
    direction: 'exit',
    purpose: 'tourism',
    destinationArea: 'MMR:MYAWADDY',
    jobOfferChannel: 'social_media',
  },
  network: { samePhoneTravellers7d: 7 },
}
