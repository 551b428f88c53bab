import type { Client } from '../../test/test-app.ts'

export async function createList(c: Client, over: Record<string, unknown> = {}) {
  const res = await c.request('POST', '/api/watchlists', {
    name: `List ${Math.random().toString(36).slice(2, 8)}`,
    ownerAgency: 'NPC',
    kind: 'mixed',
    reason: 'Set up for the anti-trafficking unit',
    ...over,
  })
  if (res.statusCode !== 201) throw new Error(`list not created: ${res.body}`)
  return res.json() as { id: string; name: string }
}

export const person = (over: Record<string, unknown> = {}) => ({
  names: ['CHHAY Sokha', 'ឆាយ សុខា'],
  birthDate: '1990-04-12',
  nationality: ['KHM'],
  sex: 'F',
  category: 'suspected_trafficker',
  handling: 'Refer to secondary inspection; call the NPC duty desk.',
  ...over,
})

export async function addPerson(c: Client, listId: string, entry: Record<string, unknown> = person()) {
  const res = await c.request('POST', `/api/watchlists/${listId}/persons`, {
    entry,
    reason: 'Warrant 2026/114',
  })
  if (res.statusCode !== 201) throw new Error(`entry not added: ${res.body}`)
  return res.json() as { id: string }
}

export async function screen(c: Client, body: Record<string, unknown>) {
  const res = await c.request('POST', '/api/screening/screen', body)
  if (res.statusCode !== 201) throw new Error(`screening failed: ${res.body}`)
  return res.json() as {
    requestId: string
    suppressed: number
    hits: {
      id: string
      kind: string
      score: number
      decision: string
      explanation: Record<string, unknown>
      entry: { id: string; names: string[] }
    }[]
  }
}
