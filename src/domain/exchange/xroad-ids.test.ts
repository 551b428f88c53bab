import { describe, expect, it } from 'vitest'
import { parseClientId, parseServicePath, printableHeader, sameServiceId } from './xroad-ids.ts'

const P = 'CAMDX/GOV/NCCT/PASSAGE'

describe('X-Road identifiers (PR-REST r1)', () => {
  it('reads a client with or without its subsystem, part by part after percent-decoding', () => {
    expect(parseClientId('CAMDX/GOV/MOI')).toEqual({ ok: true, value: 'CAMDX/GOV/MOI' })
    expect(parseClientId('CAMDX/GOV/MOI/BORDER%2DAPP')).toEqual({
      ok: true,
      value: 'CAMDX/GOV/MOI/BORDER-APP',
    })
    for (const bad of [
      undefined,
      '',
      'CAMDX/GOV',
      'A/B/C/D/E',
      'A/B/%E0%A4/D',
      'A/B/C%2FD/E',
      'A//C',
      'A/B/C\u0000',
    ])
      expect(parseClientId(bad).ok).toBe(false)
  })

  it('maps a published service to its Passage route, keeping the rest of the path and the query', () => {
    const call = parseServicePath(`/r1/${P}/messages/in/abc?x=1`, 'GET', P)
    expect(call.ok && call.value.target).toBe('/api/exchange/messages/in/abc?x=1')
    expect(call.ok && call.value.serviceId).toBe(`${P}/messages`)
    // A provider without subsystem has a three-part id.
    const short = parseServicePath('/r1/CAMDX/GOV/NCCT/counts', 'GET', 'CAMDX/GOV/NCCT')
    expect(short.ok && short.value.target).toBe('/api/exchange/counts')
  })

  it('refuses what could leave the published prefix, another provider, or an unpublished method', () => {
    const problem = (url: string, method = 'GET') => {
      const r = parseServicePath(url, method, P)
      return r.ok ? 'ok' : r.problem
    }
    expect(problem(`/r1/${P}/arrivals/%2e%2e/x`)).toBe('path_malformed')
    expect(problem(`/r1/${P}/arrivals/a%2Fb`)).toBe('path_malformed')
    expect(problem(`/r1/${P}/arrivals/a%5Cb`)).toBe('path_malformed')
    expect(problem(`/r1/${P}/arrivals//a`)).toBe('path_malformed')
    expect(problem(`/r2/${P}/arrivals`)).toBe('path_malformed')
    expect(problem('/r1/CAMDX/GOV/NCCT/OTHER/arrivals')).toBe('unknown_service')
    expect(problem(`/r1/${P}/xroad`)).toBe('unknown_service')
    expect(problem(`/r1/${P}/arrivals`, 'DELETE')).toBe('method_not_published')
    expect(problem(`/r1/${P}`)).toBe('service_malformed')
    expect(problem(`/r1/${P}/arrivals/${'a'.repeat(2000)}`)).toBe('path_malformed')
  })

  it('compares X-Road-Service in canonical form and refuses control characters in free headers', () => {
    expect(sameServiceId('CAMDX/GOV/NCCT/PASSAGE/ar%72ivals', `${P}/arrivals`)).toBe(true)
    expect(sameServiceId(`${P}/counts`, `${P}/arrivals`)).toBe(false)
    expect(printableHeader('KH0102').ok).toBe(true)
    expect(printableHeader(undefined)).toEqual({ ok: true, value: null })
    for (const bad of ['', 'a\nb', 'a\u0085b', 'x'.repeat(201)]) expect(printableHeader(bad).ok).toBe(false)
  })
})
