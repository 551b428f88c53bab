import { describe, expect, it } from 'vitest'
import { call, contractUrl } from './client.ts'
import type { ApiResult, Item } from './contract.ts'

describe('contractUrl', () => {
  it('fills each path parameter URL-encoded, so an id cannot step into another path', () => {
    expect(contractUrl('/api/documents/examinations/{id}', { id: 'e1' })).toBe(
      '/api/documents/examinations/e1',
    )
    expect(
      contractUrl('/api/watchlists/{id}/persons/{entryId}', { id: '../admin', entryId: 'a/b?c#d' }),
    ).toBe('/api/watchlists/..%2Fadmin/persons/a%2Fb%3Fc%23d')
    expect(contractUrl('/api/posts/{code}', { code: 'ស្ទឹង\u0000' })).toBe(
      `/api/posts/${encodeURIComponent('ស្ទឹង\u0000')}`,
    )
  })

  it('refuses to call a path with a parameter left empty rather than call the collection', () => {
    expect(() => contractUrl('/api/returns/photos/{id}', {})).toThrow('missing path parameter id')
    expect(() => contractUrl('/api/returns/photos/{id}', { id: '' })).toThrow('missing path parameter id')
  })

  it('appends the query without the values left undefined', () => {
    expect(contractUrl('/api/returns', undefined, { post: 'LAND-POIPET', q: undefined, limit: 20 })).toBe(
      '/api/returns?post=LAND-POIPET&limit=20',
    )
    expect(contractUrl('/api/returns', undefined, { q: 'a&b=c' })).toBe('/api/returns?q=a%26b%3Dc')
    expect(contractUrl('/api/returns', undefined, {})).toBe('/api/returns')
  })
})

// Never run: `npm run typecheck` fails if the contract stops refusing these (an unused @ts-expect-error).
function _contractRefuses(returnee?: Item<ApiResult<'/api/returns', 'GET'>['items']>) {
  // @ts-expect-error the examination names its document in the body, not the path
  void call('POST', '/api/documents/{id}/examinations', {})
  // @ts-expect-error GET is not a method of this path
  void call('GET', '/api/documents/examinations', {})
  void call('POST', '/api/documents/examinations', {
    body: {
      documentId: 'd',
      templateId: 't',
      // @ts-expect-error a finding outside the closed list
      finding: 'maybe',
      results: {},
    },
  })
  // @ts-expect-error the view has no such field
  void returnee?.passportPhotoUrl
}
