import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE_SET } from './default-rule-set.ts'
import { evaluate } from './evaluate.ts'
import { interviewGuide, recordAnswers } from './interview-guide.ts'
import { crossing } from './test-factories.ts'

const recruited = crossing({
  traveller: { ageYears: 22, firstInternationalTrip: true, nationality: 'KHM' },
  travel: { direction: 'exit', purpose: 'work', destinationArea: 'MMR:MYAWADDY' },
})

function answered(answers: Record<string, unknown>) {
  const r = recordAnswers(recruited, answers)
  if (!r.ok) throw new Error(r.issues.map((i) => i.code).join())
  return r.context
}

describe('interview guide', () => {
  it('asks the questions of the triggered indicators, each once, naming the indicators behind them', () => {
    const ctx = crossing({
      document: { heldByTraveller: false },
      companions: [{ relationship: 'recruiter', answersForTraveller: true }],
    })
    const guide = interviewGuide(DEFAULT_RULE_SET, evaluate(DEFAULT_RULE_SET, ctx), ctx)
    expect(guide.map((q) => [q.id, q.askedBecause])).toEqual([
      ['documents_held_by_other', ['documents_held_by_other', 'companion_answers_for_traveller']],
      ['travelling_freely', ['documents_held_by_other', 'companion_answers_for_traveller']],
      ['debt', ['documents_held_by_other']],
      ['stated_purpose', ['companion_answers_for_traveller']],
    ])
    expect(guide[0]?.messageKey).toBe('risk.questions.documents_held_by_other')
  })

  it('offers the possible answers of a multiple-choice question with their labels', () => {
    const guide = interviewGuide(DEFAULT_RULE_SET, evaluate(DEFAULT_RULE_SET, recruited), recruited)
    const channel = guide.find((q) => q.id === 'job_offer_channel')
    expect(channel?.options[1]).toEqual({
      value: 'social_media',
      messageKey: 'risk.values.jobOfferChannel.social_media',
    })
    expect(channel?.answerType).toEqual({ kind: 'enum', domain: 'jobOfferChannel' })
  })

  it('asks nothing when nothing triggered', () => {
    const ctx = crossing()
    expect(interviewGuide(DEFAULT_RULE_SET, evaluate(DEFAULT_RULE_SET, ctx), ctx)).toEqual([])
  })

  it('records answers and updates the evaluation with what the traveller said', () => {
    const before = evaluate(DEFAULT_RULE_SET, recruited)
    expect(before.hits.map((h) => h.indicatorId)).toEqual(['young_first_trip_scam_destination'])
    expect(before.suggestedAction).toBe('advise')

    const after1 = answered({ job_offer_channel: 'messaging_app', knows_employer: false })
    const second = evaluate(DEFAULT_RULE_SET, after1)
    expect(second.hits.map((h) => h.indicatorId)).toEqual([
      'job_offer_via_social_media',
      'young_first_trip_scam_destination',
    ])
    const next = interviewGuide(DEFAULT_RULE_SET, second, after1)
    expect(next.find((q) => q.id === 'job_offer_channel')?.answer).toBe('messaging_app')
    expect(next.map((q) => q.id)).toContain('recruitment_fee')

    const after2 = recordAnswers(after1, { recruitment_fee: true, debt: true })
    const third = evaluate(DEFAULT_RULE_SET, after2.ok ? after2.context : after1)
    expect(third.hits.map((h) => h.indicatorId)).toContain('recruitment_fee_or_debt')
    expect(third.suggestedAction).toBe('protection_referral')
  })

  it('refuses unknown questions and answers of the wrong kind, recording nothing', () => {
    const r = recordAnswers(recruited, {
      debt: 'maybe',
      stated_purpose: 'holiday',
      shoe_size: 42,
      knows_employer: true,
    })
    expect(r).toEqual({
      ok: false,
      issues: [
        { code: 'risk.interview.bad_answer', path: 'debt', params: { question: 'debt', value: 'maybe' } },
        {
          code: 'risk.interview.bad_answer',
          path: 'stated_purpose',
          params: { question: 'stated_purpose', value: 'holiday' },
        },
        { code: 'risk.interview.unknown_question', path: 'shoe_size', params: { question: 'shoe_size' } },
      ],
    })
    expect(recruited.interview).toEqual({})
  })

  it('clears an answer recorded as null, without touching the original context', () => {
    const withDebt = answered({ debt: true })
    const cleared = recordAnswers(withDebt, { debt: null })
    expect(cleared.ok && cleared.context.interview.owesDebt).toBeNull()
    expect(withDebt.interview.owesDebt).toBe(true)
  })
})
