import { describe, expect, it } from 'vitest'
import { CandidateIndex, type IndexEntry } from './candidate-index.ts'

const entry = (id: string, names: string[], more: Partial<IndexEntry> = {}): IndexEntry => ({
  id,
  names,
  ...more,
})

/** A small list with the look-alikes that make screening hard. */
function smallIndex(): CandidateIndex {
  const index = new CandidateIndex()
  index.add(
    entry('kh-1', ['Chhay Sokha', 'ឆៃ សុខា'], { birthDate: '1985-03-02', nationality: 'KHM', sex: 'F' }),
  )
  index.add(entry('kh-2', ['Chea Sophea'], { birthDate: '1990', nationality: 'KHM', sex: 'F' }))
  index.add(entry('kh-3', ['Sok Dara'], { birthDate: '1979-11-30' }))
  index.add(entry('vn-1', ['Nguyễn Văn An'], { birthDate: '1991-07-01', nationality: 'VNM' }))
  index.add(entry('vn-2', ['Nguyễn Văn Anh'], { birthDate: '1993-01-15', nationality: 'VNM' }))
  index.add(entry('th-1', ['Somchai Jaidee']))
  index.add(entry('cn-1', ['Wang Xiaoming']))
  index.add(entry('de-1', ['Friedrich Lindenberg']))
  for (let i = 0; i < 200; i++) index.add(entry(`filler-${i}`, [`Filler${i} Person${i % 17}`]))
  return index
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id)

describe('CandidateIndex', () => {
  it('finds a Khmer-script alias from the passport spelling, explained', () => {
    const [hit] = smallIndex().search({ name: 'CHAY SOKHA' })
    expect(hit).toMatchObject({ id: 'kh-1', decision: 'match' })
    expect(hit!.explanation.parts.length).toBe(2)
  })

  it('finds the Latin name from a Khmer-script query', () => {
    expect(ids(smallIndex().search({ name: 'ជា សុភា' }, { limit: 1 }))).toEqual(['kh-2'])
  })

  it('finds names written in another order, with a typo, or run together', () => {
    const index = smallIndex()
    expect(index.search({ name: 'Dara Sok' })[0]?.id).toBe('kh-3')
    expect(index.search({ name: 'Friedrich Lindenburg' })[0]?.id).toBe('de-1')
    expect(index.search({ name: 'Xiao Ming Wang' })[0]?.id).toBe('cn-1')
    expect(index.search({ name: 'Somchai Chaidi' })[0]?.id).toBe('th-1')
  })

  it('ranks the exact given name first when look-alikes share the rest', () => {
    const hits = smallIndex().search({ name: 'Nguyen Van Anh' })
    expect(hits[0]).toMatchObject({ id: 'vn-2', decision: 'match' })
    expect(hits.find((h) => h.id === 'vn-1')?.decision).toBe('no-match')
  })

  it('uses the birth date to qualify, never to find on its own', () => {
    const index = smallIndex()
    expect(index.search({ name: 'Chhay Sokha', birthDate: '1950-01-01' })[0]?.decision).toBe('no-match')
    const byDate = index.search({ name: 'Unrelated Person', birthDate: '1985-03-02' }, { minScore: 0.7 })
    expect(byDate).toEqual([])
  })

  it('honours the limit and the minimum score', () => {
    const index = smallIndex()
    expect(index.search({ name: 'Person3' }, { limit: 3 })).toHaveLength(3)
    const strict = index.search({ name: 'Sok Dara' }, { minScore: 0.99 })
    expect(ids(strict)).toEqual(['kh-3'])
  })

  it('reports which of an entry’s names matched', () => {
    const [hit] = smallIndex().search({ name: 'ឆៃ សុខា' })
    expect(hit).toMatchObject({ id: 'kh-1', nameIndex: 1, score: 1 })
  })

  it('stops returning a removed entry and finds an updated one by its new alias', () => {
    const index = smallIndex()
    expect(index.remove('kh-3')).toBe(true)
    expect(index.remove('kh-3')).toBe(false)
    expect(ids(index.search({ name: 'Sok Dara' }))).not.toContain('kh-3')
    index.update(entry('kh-2', ['Chea Sophea', 'Chea Sopheap']))
    expect(index.search({ name: 'Chea Sopheap' })[0]).toMatchObject({ id: 'kh-2', nameIndex: 1, score: 1 })
    expect(index.size).toBe(207)
    expect(index.has('kh-3')).toBe(false)
  })

  it('compacts after many removals and still answers the same', () => {
    const index = new CandidateIndex()
    for (let i = 0; i < 3000; i++) index.add(entry(`e${i}`, [`Name${i} Family${i % 50}`]))
    for (let i = 0; i < 2500; i++) index.remove(`e${i}`)
    expect(index.size).toBe(500)
    expect(index.search({ name: 'Name2999 Family49' })[0]?.id).toBe('e2999')
    expect(index.search({ name: 'Name10 Family10' }).map((h) => h.id)).not.toContain('e10')
    index.compact()
    expect(index.search({ name: 'Name2999 Family49' })[0]?.id).toBe('e2999')
  })

  it('answers nothing for an empty index or an unreadable query', () => {
    expect(new CandidateIndex().search({ name: 'Sok' })).toEqual([])
    expect(smallIndex().search({ name: '😀 \u0000' })).toEqual([])
  })

  it('breaks ties between equal names by the birth date', () => {
    const index = new CandidateIndex()
    for (let i = 0; i < 100; i++)
      index.add(entry(`same-${i}`, ['Sok Dara'], { birthDate: `19${50 + (i % 40)}-01-01` }))
    index.add(entry('wanted', ['Sok Dara'], { birthDate: '1977-06-05' }))
    expect(index.search({ name: 'Sok Dara', birthDate: '1977-06-05' }, { limit: 1 })[0]?.id).toBe('wanted')
  })
})
