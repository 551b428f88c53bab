import { describe, expect, it } from 'vitest'
import { type CacheVersions, SharedVersionReads } from './cache-versions.ts'

/** A read the test answers by hand, numbered in the order reads were sent. */
function manualReads() {
  const sent: { n: number; answer: (v: CacheVersions) => void; fail: (e: Error) => void }[] = []
  const read = () =>
    new Promise<CacheVersions>((answer, fail) => {
      sent.push({ n: sent.length + 1, answer, fail })
    })
  const versions = (auth: number): CacheVersions => ({
    reference: 1,
    auth,
    screening: { version: 1, token: null },
  })
  return { sent, read, versions }
}

const settle = () => new Promise((r) => setImmediate(r))

describe('version reads shared by the requests that arrive together', () => {
  it('never answers a request with a read sent before it arrived; requests arriving meanwhile share the next', async () => {
    const m = manualReads()
    const reads = new SharedVersionReads(m.read)
    const first = reads.current()
    expect(m.sent).toHaveLength(1)
    // Arrive while read 1 is on its way: a session revoked now would not show in read 1.
    const second = reads.current()
    const third = reads.current()
    expect(m.sent).toHaveLength(1)
    m.sent[0]!.answer(m.versions(1))
    expect((await first).auth).toBe(1)
    await settle()
    expect(m.sent).toHaveLength(2)
    m.sent[1]!.answer(m.versions(2))
    expect((await second).auth).toBe(2)
    expect((await third).auth).toBe(2)
    // Nothing on its way: a request reads at once, alone.
    const fourth = reads.current()
    expect(m.sent).toHaveLength(3)
    m.sent[2]!.answer(m.versions(3))
    expect((await fourth).auth).toBe(3)
  })

  it('a failed read fails only the requests that took it; those waiting get the next read', async () => {
    const m = manualReads()
    const reads = new SharedVersionReads(m.read)
    const first = reads.current()
    const second = reads.current()
    m.sent[0]!.fail(new Error('database unavailable'))
    await expect(first).rejects.toThrow('database unavailable')
    await settle()
    m.sent[1]!.answer(m.versions(5))
    expect((await second).auth).toBe(5)
    const third = reads.current()
    m.sent[2]!.fail(new Error('again'))
    await expect(third).rejects.toThrow('again')
    // After a failure nothing is left on its way: the next request sends its own read.
    const fourth = reads.current()
    expect(m.sent).toHaveLength(4)
    m.sent[3]!.answer(m.versions(6))
    expect((await fourth).auth).toBe(6)
  })
})
