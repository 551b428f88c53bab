import { describe, expect, it } from 'vitest'
import { DEFECTS, type DefectCode } from './defects.ts'
import { defaultSecondsPerDocument, isLate, secondsSpent } from './pace.ts'
import { scoreExercise, tallyByDefect } from './scoring.ts'

describe('the counter pace', () => {
  it('gives a harder set less time per document, and a composed set the middle pace', () => {
    const easy = defaultSecondsPerDocument('easy')
    const medium = defaultSecondsPerDocument('medium')
    const hard = defaultSecondsPerDocument('hard')
    expect(easy).toBeGreaterThan(medium)
    expect(medium).toBeGreaterThan(hard)
    expect(defaultSecondsPerDocument(null)).toBe(medium)
  })
  it('counts whole seconds between two server timestamps; a document never answered is late', () => {
    const opened = new Date('2026-01-01T00:00:00.000Z')
    expect(secondsSpent(opened, new Date('2026-01-01T00:01:30.400Z'))).toBe(90)
    expect(secondsSpent(opened, new Date('2025-12-31T23:59:00.000Z'))).toBe(0)
    expect(isLate(90, 90)).toBe(false)
    expect(isLate(91, 90)).toBe(true)
    expect(isLate(null, 90)).toBe(true)
  })
})

describe('timed scoring', () => {
  const timed = (injected: DefectCode[], reported: DefectCode[], seconds: number | null) => ({
    injected,
    reported,
    timing: { seconds, limitSeconds: 60 },
  })
  it('scores a defect found after the time as found late, not found, and keeps the seconds', () => {
    const score = scoreExercise([
      timed(['expired'], ['expired'], 40),
      timed(['lost_stolen'], ['lost_stolen'], 61),
      timed(['alert_list'], [], null),
    ])
    expect(score.items[0]).toMatchObject({ found: ['expired'], foundLate: [], seconds: 40, late: false })
    expect(score.items[1]).toMatchObject({ found: [], foundLate: ['lost_stolen'], seconds: 61, late: true })
    expect(score.items[2]).toMatchObject({ missed: ['alert_list'], seconds: null, late: true })
    expect(score).toMatchObject({ found: 1, foundLate: 1, missed: 1, late: 2, percent: 33 })
    // The same answers in time score every find.
    expect(
      scoreExercise([timed(['expired'], ['expired'], 1), timed(['lost_stolen'], ['lost_stolen'], 60)])
        .percent,
    ).toBe(100)
  })
})

describe('results per defect kind', () => {
  it('adds found, found late, missed and false alarms per kind as a brute-force count over the items does', () => {
    const key: DefectCode[][] = [['expired', 'lost_stolen'], [], ['mrz_check_digit'], ['alert_list']]
    const answers: DefectCode[][][] = [
      [['expired'], ['alert_list'], ['mrz_check_digit'], []],
      [['expired', 'lost_stolen'], [], [], ['alert_list', 'expired']],
      [[], [], ['mrz_check_digit'], ['alert_list']],
    ]
    const seconds = [10, 70, 20, 30]
    const scores = answers.map((a) =>
      scoreExercise(
        key.map((k, i) => ({
          injected: k,
          reported: a[i]!,
          timing: { seconds: seconds[i]!, limitSeconds: 60 },
        })),
      ),
    )
    const tally = tallyByDefect(scores, DEFECTS)
    for (const d of DEFECTS) {
      let found = 0
      let foundLate = 0
      let missed = 0
      let falseAlarms = 0
      answers.forEach((a) => {
        key.forEach((k, i) => {
          const late = seconds[i]! > 60
          if (k.includes(d) && a[i]!.includes(d)) late ? foundLate++ : found++
          if (k.includes(d) && !a[i]!.includes(d)) missed++
          if (!k.includes(d) && a[i]!.includes(d)) falseAlarms++
        })
      })
      const row = tally.find((r) => r.defect === d)
      if (found + foundLate + missed + falseAlarms === 0) expect(row).toBeUndefined()
      else
        expect(row, d).toEqual({
          defect: d,
          injected: found + foundLate + missed,
          found,
          foundLate,
          missed,
          falseAlarms,
        })
    }
    expect(tallyByDefect([], DEFECTS)).toEqual([])
  })
})
