import { describe, expect, it } from 'vitest'
import { parseMrz } from '../documents/parse.ts'
import {
  checkComposition,
  DEFECTS,
  type DefectCode,
  DIFFICULTIES,
  drawExercise,
  generateSpecimen,
  machineFindings,
  renderDataPage,
  SPECIMEN_KINDS,
  scoreExercise,
  trainingReach,
  VISUAL_ONLY,
} from './index.ts'
import { isIndicator } from './story.ts'

const today = '2026-12-04'
const seeds = Array.from({ length: 60 }, (_, i) => 1 + i * 7919)

describe('specimen generation', () => {
  it('every generated MRZ parses, valid in specimen mode, to the printed fields', () => {
    for (const kind of SPECIMEN_KINDS)
      for (const seed of seeds) {
        const s = generateSpecimen({ seed, kind, defects: [], today })
        const read = parseMrz(s.mrz, { referenceDate: today, allowSpecimen: true })
        expect(read.valid, `${kind} seed ${seed}: ${JSON.stringify(read.errors)}`).toBe(true)
        expect(read.specimen).toBe(true)
        expect(read.format).toBe(kind === 'VISA' ? 'MRVA' : kind)
        expect(read.fields).toMatchObject({
          issuingState: 'UTO',
          documentNumber: s.printed.documentNumber,
          surname: s.printed.surname,
          givenNames: s.printed.givenNames,
          birthDate: s.printed.birthDate,
          expiryDate: s.printed.expiryDate,
          sex: s.printed.sex,
        })
        // Outside training mode the same MRZ is refused: a specimen can never pass as a live document.
        expect(parseMrz(s.mrz, { referenceDate: today }).valid).toBe(false)
        expect(machineFindings(s, { today, lists: s.lists }).size, `clean ${kind} seed ${seed}`).toBe(0)
      }
  })

  it('the same seed gives the same specimen', () => {
    const a = generateSpecimen({ seed: 42, kind: 'TD1', defects: ['expired'], today })
    expect(generateSpecimen({ seed: 42, kind: 'TD1', defects: ['expired'], today })).toEqual(a)
  })

  it('every injected defect is found by its matching check, and only it, or is visual-only', () => {
    for (const defect of DEFECTS)
      for (const kind of SPECIMEN_KINDS)
        for (const seed of seeds.slice(0, 25)) {
          const s = generateSpecimen({ seed, kind, defects: [defect], today })
          const found = machineFindings(s, { today, lists: s.lists })
          const expected = VISUAL_ONLY.includes(defect) ? [] : [defect]
          expect([...found], `${defect} on ${kind} seed ${seed}`).toEqual(expected)
        }
  })

  it('the visual-only defect is in the story the trainee reads, never in the document', () => {
    expect(VISUAL_ONLY).toEqual(['trafficking_indicators'])
    const s = generateSpecimen({ seed: 5, kind: 'TD3', defects: ['trafficking_indicators'], today })
    expect(s.story.filter(isIndicator)).toHaveLength(2)
    expect(generateSpecimen({ seed: 5, kind: 'TD3', defects: [], today }).story.some(isIndicator)).toBe(false)
  })

  it('refuses defects that cannot sit together', () => {
    expect(() =>
      generateSpecimen({ seed: 1, kind: 'TD3', defects: ['expired', 'altered_expiry'], today }),
    ).toThrow()
    expect(checkComposition([{ kind: 'TD3', defects: ['expired', 'altered_expiry'] }])).toBe(
      'incompatible_defects',
    )
    expect(checkComposition([])).toBe('no_items')
    expect(checkComposition(Array.from({ length: 21 }, () => ({ kind: 'TD1' as const, defects: [] })))).toBe(
      'too_many_items',
    )
    expect(
      checkComposition([{ kind: 'VISA', defects: ['expired', 'lost_stolen', 'alert_list', 'mrz_viz_name'] }]),
    ).toBe('too_many_defects')
  })

  it('draws sets by difficulty whose every defect is found or visual-only', () => {
    for (const difficulty of DIFFICULTIES) {
      const items = drawExercise({ seed: 99, difficulty, size: 20 })
      expect(items).toHaveLength(20)
      expect(checkComposition(items)).toBeNull()
      for (const item of items) {
        const s = generateSpecimen({ ...item, today })
        const found = machineFindings(s, { today, lists: s.lists })
        expect([...found].sort()).toEqual(item.defects.filter((d) => !VISUAL_ONLY.includes(d)).sort())
        if (difficulty === 'easy') expect(item.defects.length).toBeLessThanOrEqual(1)
        if (difficulty !== 'hard') expect(item.defects).not.toContain('trafficking_indicators')
      }
    }
    expect(drawExercise({ seed: 1, difficulty: 'easy', size: 500 })).toHaveLength(20)
  })

  it('renders the data page with escaped values, the portrait placeholder and every MRZ line', () => {
    const s = generateSpecimen({ seed: 3, kind: 'TD1', defects: [], today })
    s.printed.placeOfBirth = '<script>&"'
    const svg = renderDataPage(s)
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&#60;script&#62;&#38;&#34;')
    for (const line of s.mrz) expect(svg).toContain(line.replace(/</g, '&#60;'))
    expect(svg).toContain('SPECIMEN')
  })
})

describe('scoring', () => {
  const item = (injected: DefectCode[], reported: DefectCode[]) => ({ injected, reported })
  it('counts found, missed and false alarms per document and overall', () => {
    const score = scoreExercise([
      item(['expired', 'lost_stolen'], ['expired']),
      item([], ['alert_list']),
      item(['mrz_viz_name'], ['mrz_viz_name', 'mrz_viz_name']),
    ])
    expect(score.items[0]).toMatchObject({ found: ['expired'], missed: ['lost_stolen'], falseAlarms: [] })
    expect(score.items[1]).toMatchObject({ found: [], missed: [], falseAlarms: ['alert_list'] })
    expect(score).toMatchObject({ found: 2, missed: 1, falseAlarms: 1, percent: 50 })
  })
  it('reporting every defect on every document scores no better than reporting none', () => {
    const key: DefectCode[][] = [['expired'], [], ['lost_stolen']]
    const all = scoreExercise(key.map((k) => item(k, [...DEFECTS]))).percent
    const none = scoreExercise(key.map((k) => item(k, []))).percent
    expect(none).toBe(0)
    expect(all).toBeLessThan(10)
    expect(scoreExercise(key.map((k) => item(k, k))).percent).toBe(100)
    expect(scoreExercise([item([], [])]).percent).toBe(100)
  })
})

describe('training reach', () => {
  const actor = (role: string, postCode: string | null = null) =>
    ({ id: 'u1', role, scope: 'national', agencyCode: 'X', postCode }) as Parameters<typeof trainingReach>[0]
  it('NCCT and IOM see all, a post chief the post, anyone else their own record', () => {
    expect(trainingReach(actor('analyst'), 'counter_trafficking')).toEqual({ kind: 'all' })
    expect(trainingReach(actor('analyst'), 'international')).toEqual({ kind: 'all' })
    expect(trainingReach(actor('analyst'), 'immigration')).toEqual({ kind: 'self', userId: 'u1' })
    expect(trainingReach(actor('post_chief', 'P1'), 'immigration')).toEqual({ kind: 'post', postCode: 'P1' })
    expect(trainingReach(actor('shift_supervisor', 'P1'), 'immigration')).toEqual({
      kind: 'self',
      userId: 'u1',
    })
  })
})
