import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  type ComparisonResult,
  compareNames,
  MATCH_THRESHOLD,
  type PersonDetails,
  POSSIBLE_THRESHOLD,
} from './compare-names.ts'

const person = (name: string, more: Omit<PersonDetails, 'name'> = {}): PersonDetails => ({ name, ...more })
const methods = (r: ComparisonResult) => r.explanation.parts.map((p) => p.method)

describe('compareNames', () => {
  it('exports the thresholds it decides by, match above possible', () => {
    expect(MATCH_THRESHOLD).toBeGreaterThan(POSSIBLE_THRESHOLD)
    expect(compareNames('Sok Dara', 'Sok Dara')).toMatchObject({ score: 1, decision: 'match' })
  })

  it('matches Chhay with Chay as a Khmer aspiration variant', () => {
    const r = compareNames('Chhay Sokha', 'Chay Sokha')
    expect(r.decision).toBe('match')
    expect(r.explanation.parts.find((p) => p.a === 'Chhay')).toMatchObject({ b: 'Chay', method: 'variant' })
  })

  it('matches a Khmer-script alias with the passport spelling, in either order', () => {
    const r = compareNames('ជា សុខា', 'SOKHA CHEA')
    expect(r.decision).toBe('match')
    expect(methods(r)).toEqual(['khmer-romanised', 'khmer-romanised'])
    expect(r.explanation.orderSwapped).toBe(true)
    expect(r.explanation.notes).toContainEqual({ messageKey: 'screening.note.orderSwapped' })
  })

  it('matches Vietnamese with and without diacritics, surname last and middle name dropped', () => {
    expect(compareNames('Nguyễn Văn Đức', 'NGUYEN VAN DUC').decision).toBe('match')
    expect(compareNames('Nguyễn Văn Đức', 'Duc Nguyen').decision).not.toBe('no-match')
  })

  it('keeps apart Vietnamese names that share everything but the given name', () => {
    expect(compareNames('Nguyễn Văn An', 'Nguyen Van Anh').decision).toBe('no-match')
    expect(compareNames('Trần Thị Lan', 'Phạm Thị Lan').decision).toBe('no-match')
  })

  it('matches Thai RTGS and self-chosen spellings as variants', () => {
    const r = compareNames('Somchai Jaidee', 'Somchai Chaidi')
    expect(r.decision).toBe('match')
    expect(methods(r)).toContain('variant')
  })

  it('matches Chinese names in either order and with the given name joined or apart', () => {
    expect(compareNames('Zhang Wei', 'WEI Zhang').decision).toBe('match')
    const r = compareNames('Wang Xiaoming', 'Xiao-Ming Wang')
    expect(r.decision).toBe('match')
    expect(r.explanation.parts.some((p) => p.joined && p.messageKey === 'screening.part.joined')).toBe(true)
    expect(compareNames('Zhang Wei', 'Zhang Wen').decision).toBe('no-match')
  })

  it('forgives one typing error in a longer part but not in a short one', () => {
    expect(compareNames('Friedrich Lindenberg', 'Friedrich Lindenburg')).toMatchObject({ decision: 'match' })
    expect(methods(compareNames('Olaf Scholz', 'Olaf Scholze'))).toContain('fuzzy')
    expect(compareNames('Kim Sok', 'Kim Sek').decision).toBe('no-match')
  })

  it('matches ICAO transliterations of the same letters', () => {
    expect(methods(compareNames('Jürgen Müller', 'JUERGEN MUELLER'))).toEqual([
      'transliteration',
      'transliteration',
    ])
  })

  it('accepts an initial for a given name but not initials alone', () => {
    expect(compareNames('Hans J Friedrich', 'Hans Joachim Friedrich').decision).toBe('match')
    expect(compareNames('Hans O Friedrich', 'Hans Joachim Friedrich').decision).toBe('no-match')
    const initials = compareNames('N. N.', 'Nursultan Nazarbayev')
    expect(initials.decision).toBe('no-match')
    expect(initials.explanation.notes).toContainEqual({ messageKey: 'screening.note.initialsOnly' })
  })

  it('never makes a hit from a birth date alone', () => {
    const r = compareNames(
      person('Chea Sokha', { birthDate: '1990-04-12' }),
      person('Pich Dara', { birthDate: '1990-04-12' }),
    )
    expect(r.decision).toBe('no-match')
    expect(r.explanation.notes).toContainEqual({ messageKey: 'screening.note.qualifierNotCounted' })
  })

  it('lowers an identical name with a birth year far apart below possible', () => {
    const r = compareNames(
      person('Chea Sokha', { birthDate: '1990' }),
      person('Chea Sokha', { birthDate: '1961-02-03' }),
    )
    expect(r.explanation.nameScore).toBe(1)
    expect(r.decision).toBe('no-match')
    expect(r.explanation.qualifiers[0]).toMatchObject({ kind: 'birthDate', outcome: 'mismatch' })
  })

  it('keeps a match when the birth date agrees at its precision or has day and month swapped', () => {
    const a = person('Chea Sokha', { birthDate: '1990-04-12' })
    expect(compareNames(a, person('Chea Sokha', { birthDate: '1990' })).decision).toBe('match')
    expect(compareNames(a, person('Chea Sokha', { birthDate: '1990-12-04' })).decision).toBe('match')
  })

  it('lowers the score for a different nationality or sex', () => {
    const a = compareNames(
      person('Chea Sokha', { nationality: 'KHM', sex: 'F' }),
      person('Chea Sokha', { nationality: 'KHM', sex: 'F' }),
    )
    const b = compareNames(
      person('Chea Sokha', { nationality: 'KHM', sex: 'F' }),
      person('Chea Sokha', { nationality: 'THA', sex: 'M' }),
    )
    expect(b.score).toBeLessThan(a.score)
    expect(b.explanation.qualifiers.map((q) => q.kind)).toEqual(['nationality', 'sex'])
  })

  it('lists the parts left unmatched on each side', () => {
    const r = compareNames('Sok Dara Vibol', 'Sok Dara')
    expect(r.explanation.unmatched).toEqual([
      { side: 'a', text: 'Vibol', messageKey: 'screening.part.unmatched', params: { part: 'Vibol' } },
    ])
  })

  it('scores empty, hostile and unreadable names as no match without throwing', () => {
    expect(compareNames('', 'Sok').score).toBe(0)
    expect(compareNames('😀😀', '\u0000\u0007').decision).toBe('no-match')
    expect(compareNames('Ѐ'.repeat(10_000), 'ab '.repeat(5_000)).decision).toBe('no-match')
    expect(compareNames('习近平', '习近平').decision).toBe('match')
  })

  it('refers only to message keys that exist in the English catalogue', () => {
    const here = dirname(fileURLToPath(import.meta.url))
    const catalog = JSON.parse(readFileSync(join(here, '../../locales/en/screening.json'), 'utf8'))
    const has = (key: string) =>
      key
        .split('.')
        .slice(1)
        .reduce((node, k) => node?.[k], catalog) !== undefined
    const results = [
      compareNames('ជា សុខា', 'Sokha Chea'),
      compareNames('Jürgen Müller', 'Juergen Mueler'),
      compareNames('Hans J Friedrich', 'Friedrich Hans Joachim'),
      compareNames('Wang Xiaoming', 'Xiao Ming Wang'),
      compareNames(
        person('Chhay Sok', { birthDate: '1990-04-12', nationality: 'KHM', sex: 'M' }),
        person('Chay Sok Dara', { birthDate: '1990-12-04', nationality: 'THA', sex: 'F' }),
      ),
      compareNames(person('A B', { birthDate: '1990' }), person('C D', { birthDate: '1990' })),
    ]
    const keys = results.flatMap((r) => [
      r.explanation.decisionKey,
      ...r.explanation.parts.map((p) => p.messageKey),
      ...r.explanation.unmatched.map((u) => u.messageKey),
      ...r.explanation.qualifiers.map((q) => q.messageKey),
      ...r.explanation.notes.map((n) => n.messageKey),
    ])
    expect(keys.length).toBeGreaterThan(15)
    expect(keys.filter((k) => !has(k))).toEqual([])
  })
})
