import { describe, expect, it } from 'vitest'
import { suggestCorrections } from './ocr-corrections.ts'
import { ICAO_SPECIMENS } from './specimens.ts'
import { linesFor, OPTIONS, parse, withChar } from './test-factories.ts'

const specimen = { ...OPTIONS, allowSpecimen: true }
const td3 = ICAO_SPECIMENS[0]!.lines

describe('OCR correction proposals', () => {
  it('proposes nothing for a valid MRZ', () => {
    expect(suggestCorrections(td3, specimen)).toEqual([])
  })

  it('proposes a digit for a letter O read in a date, and does not apply it', () => {
    const typed = withChar(td3, 1, 15, 'O')
    expect(parse(typed, { allowSpecimen: true }).valid).toBe(false)
    const [proposal, ...others] = suggestCorrections(typed, specimen)
    expect(others).toEqual([])
    expect(proposal!.lines).toEqual(td3)
    expect(proposal!.changes).toEqual([
      { line: 1, index: 15, from: 'O', to: '0', field: 'birthDate', reason: 'ocr' },
    ])
    expect(proposal!.result.valid).toBe(true)
  })

  it('proposes a letter for a digit read in a name or a state code', () => {
    const typed = withChar(withChar(td3, 0, 9, '5'), 0, 4, '0')
    const [proposal] = suggestCorrections(typed, specimen)
    expect(proposal!.changes.map((c) => [c.from, c.to, c.field])).toEqual([
      ['0', 'O', 'issuingState'],
      ['5', 'S', 'name'],
    ])
  })

  it('finds the swap in a document number that makes its check digit pass', () => {
    const lines = linesFor('TD3', { documentNumber: 'N0B123456' })
    const typed = withChar(lines, 1, 2, '8')
    const [proposal] = suggestCorrections(typed, OPTIONS)
    expect(proposal!.lines).toEqual(lines)
    expect(proposal!.changes).toEqual([
      { line: 1, index: 2, from: '8', to: 'B', field: 'documentNumber', reason: 'ocr' },
    ])
  })

  it('searches the optional data when only the composite check digit fails', () => {
    const lines = linesFor('TD1', { optionalData2: 'KS44' })
    const typed = withChar(lines, 1, 19, '5')
    const proposals = suggestCorrections(typed, OPTIONS)
    expect(proposals.map((p) => p.lines)).toContainEqual(lines)
    for (const p of proposals) expect(p.result.checks.composite).toBe(true)
  })

  it('offers the upper-cased lines when caps lock was on', () => {
    const [proposal] = suggestCorrections([td3[0]!.toLowerCase(), td3[1]!], specimen)
    expect(proposal!.lines).toEqual(td3)
    expect(new Set(proposal!.changes.map((c) => c.reason))).toEqual(new Set(['case']))
  })

  it('replaces a look-alike of the filler', () => {
    const [proposal] = suggestCorrections(withChar(td3, 0, 14, '«'), specimen)
    expect(proposal!.changes).toEqual([
      { line: 0, index: 14, from: '«', to: '<', field: 'name', reason: 'filler' },
    ])
  })

  it('proposes nothing when no confusion explains a wrong check digit', () => {
    const lines = linesFor('TD3')
    const typed = withChar(lines, 1, 27, lines[1]![27] === '7' ? '3' : '7')
    expect(suggestCorrections(typed, OPTIONS)).toEqual([])
  })

  it('proposes nothing for text that is not an MRZ', () => {
    expect(suggestCorrections('HELLO', OPTIONS)).toEqual([])
  })
})
