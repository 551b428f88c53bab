import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Agreement,
  agreementProblems,
  consentRefusal,
  fieldPaths,
  ruleFor,
  type TypeRule,
} from './agreement.ts'
import { fieldsOf, jsonSchemaOf, MESSAGE_TYPE_NAMES, type MessageType } from './message-types.ts'
import { fieldRefusal, minimise } from './minimise.ts'
import { contentRefusal } from './validate.ts'

const rule = (fields: string[], consent: TypeRule['consent'] = 'not_required'): TypeRule => ({
  purposes: ['repatriation'],
  fields,
  retentionDays: 365,
  consent,
})

const agreement: Agreement = {
  id: 'a1',
  code: 'KH-TH-2014',
  title: 'MOU',
  legal: { title: 'MOU', date: '2014-12-01', article: '9' },
  partner: 'TH-MSDHS',
  validFrom: '2024-01-01',
  validUntil: '2026-12-31',
  rules: { 'repatriation.referral': rule(['prs_FirstName']) },
}

describe('minimisation', () => {
  // Whatever a case holds — known fields, unknown ones, rows with extra columns — the message carries only what
  // the rule lists, and the receiver's own check of the same rule finds nothing to refuse.
  it('never lets a field through that the agreement does not allow', () => {
    const typeArb = fc.constantFrom(...MESSAGE_TYPE_NAMES)
    fc.assert(
      fc.property(
        typeArb.chain((type) =>
          fc.record({
            type: fc.constant(type as MessageType),
            allowed: fc.subarray(fieldPaths(type)),
            source: fc.dictionary(
              fc.oneof(
                fc.constantFrom(...fieldPaths(type).map((p) => p.split('.')[0] as string)),
                fc.string(),
              ),
              fc.oneof(
                fc.string(),
                fc.integer(),
                fc.array(
                  fc.dictionary(
                    fc.oneof(
                      fc.constantFrom(...fieldPaths(type).map((p) => p.split('.').at(-1) as string)),
                      fc.string(),
                    ),
                    fc.string(),
                  ),
                ),
              ),
            ),
          }),
        ),
        ({ type, allowed, source }) => {
          const r = rule(allowed)
          const { content } = minimise(type, source, r)
          expect(fieldRefusal(type, content, r)).toBeNull()
          for (const [name, v] of Object.entries(content)) {
            if (fieldsOf(type)[name]?.kind === 'rows') {
              for (const row of v as Record<string, unknown>[])
                for (const sub of Object.keys(row)) expect(allowed).toContain(`${name}.${sub}`)
            } else expect([...allowed, 'xch_RepatriationRef']).toContain(name)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('names what it withheld so the screen can show it', () => {
    const m = minimise(
      'repatriation.referral',
      { prs_FirstName: 'Sokha', prs_MobilePhone: '+85512345678', caseNotes: 'x', xch_RepatriationRef: 'R1' },
      rule(['prs_FirstName']),
    )
    expect(m.content).toEqual({ prs_FirstName: 'Sokha', xch_RepatriationRef: 'R1' })
    expect(m.withheld).toEqual(['caseNotes', 'prs_MobilePhone'])
  })

  it('the receiver refuses a field its agreement does not allow', () => {
    expect(
      fieldRefusal('repatriation.referral', { prs_MobilePhone: '+855' }, rule(['prs_FirstName'])),
    ).toEqual({
      reason: 'field_not_allowed',
      detail: 'prs_MobilePhone',
    })
  })
})

describe('agreements', () => {
  it('refuses an unknown agreement, one outside its validity and a type it does not cover', () => {
    expect(ruleFor(null, 'repatriation.referral', '2025-01-01')).toEqual({ reason: 'unknown_agreement' })
    expect(ruleFor(agreement, 'repatriation.referral', '2027-01-01')).toMatchObject({
      reason: 'expired_agreement',
    })
    expect(ruleFor(agreement, 'repatriation.referral', '2023-12-31')).toMatchObject({
      reason: 'expired_agreement',
    })
    expect(ruleFor(agreement, 'alerts.delta', '2025-01-01')).toMatchObject({ reason: 'type_not_allowed' })
    expect(ruleFor(agreement, 'repatriation.referral', '2026-12-31')).toMatchObject({
      fields: ['prs_FirstName'],
    })
  })

  it('finds an allowed field the type does not define and a validity ending before it starts', () => {
    const bad = {
      ...agreement,
      validUntil: '2020-01-01',
      rules: { 'returns.g2g_list': rule(['xch_Arrivals.bogus']) },
    }
    expect(agreementProblems(bad)).toEqual(['validity', 'returns.g2g_list:xch_Arrivals.bogus'])
  })

  it("asks an adult's consent and a child's best-interests determination", () => {
    const r = rule(['prs_FirstName'], 'required')
    const adult = { prs_Birthdate: '1990-05-01' }
    expect(consentRefusal(r, adult, '2025-01-01')).toMatchObject({ reason: 'missing_consent' })
    expect(consentRefusal(r, { ...adult, vic_AgreementToManagePersonalData: 'yes' }, '2025-01-01')).toBeNull()
    const child = { prs_Birthdate: '2010-05-01', vic_AgreementToManagePersonalData: 'yes' }
    expect(consentRefusal(r, child, '2025-01-01')).toMatchObject({ detail: 'xch_BestInterestsDetermination' })
    expect(consentRefusal(r, { ...child, xch_BestInterestsDetermination: 'done' }, '2025-01-01')).toBeNull()
    // Eighteen on the day itself is an adult.
    expect(
      consentRefusal(
        r,
        { prs_Birthdate: '2007-01-01', vic_AgreementToManagePersonalData: 'yes' },
        '2025-01-01',
      ),
    ).toBeNull()
    expect(consentRefusal(rule([]), {}, '2025-01-01')).toBeNull()
  })
})

describe('content checks', () => {
  it.each([
    ['a control character', { prs_FirstName: 'So\u0007kha' }],
    ['a name in Khmer script in a Latin field', { prs_FirstName: 'សុខា' }],
    ['decomposed (non-NFC) text', { xch_FirstNameNative: 'e\u0301' }],
    ['a lone surrogate', { xch_FirstNameNative: 'a\uD800' }],
    ['an impossible date', { prs_Birthdate: '2001-02-30' }],
    ['a lower-case country', { prs_Nationality: 'kh' }],
    ['a phone without +', { prs_MobilePhone: '012345678' }],
    ['a value outside its list', { prs_Gender: 'M' }],
    ['a newline in a short field', { prs_SecondName: 'A\nB' }],
  ])('refuses %s as malformed', (_, content) => {
    expect(contentRefusal('repatriation.referral', content)).toMatchObject({ reason: 'malformed' })
  })

  it('accepts a well-formed referral with the native-script name beside the Latin one', () => {
    expect(
      contentRefusal('repatriation.referral', {
        prs_FirstName: 'Sokha',
        xch_FirstNameNative: 'សុខា',
        prs_Birthdate: '1999-02-28',
        prs_Nationality: 'KH',
        vic_TypeOfLabourExploitation: ['IllicitActivities'],
      }),
    ).toBeNull()
    expect(contentRefusal('returns.g2g_list', { xch_Arrivals: [{ bogus: 1 }] })).toMatchObject({
      reason: 'malformed',
    })
    expect(contentRefusal('returns.g2g_list', 'text')).toMatchObject({ reason: 'malformed' })
  })

  it('publishes every type as a closed JSON Schema', () => {
    for (const t of MESSAGE_TYPE_NAMES) {
      const s = jsonSchemaOf(t)
      expect(s.additionalProperties).toBe(false)
      expect(Object.keys(s.properties as object).length).toBeGreaterThan(0)
    }
  })
})
