import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PROFILE_QUASI_IDENTIFIERS, profileColumns, toCtdcRow, toHtcdsRow } from './case-export-profiles.ts'
import { newCase } from './case-record.ts'
import type { ExportInput } from './htcds-export.ts'
import { assessIdentification } from './identification.ts'
import { allQuestions } from './identification-form.ts'
import { checkKAnonymity } from './k-anonymity.ts'
import type { Person } from './person.ts'
import { emptyVictimContext, victimContextFromIdentification } from './victim-context.ts'

/** The published lists, as shipped in reference/case-standards (field or column → allowed values). */
function reference(file: string): Map<string, string[]> {
  const lines = readFileSync(new URL(`../../../reference/case-standards/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
  return new Map(
    lines.map((line) => {
      const parts = line.split(',')
      return [parts[0] ?? '', (parts.at(-1) ?? '').split('|')]
    }),
  )
}
const ALPHA2 = new Set(
  readFileSync(new URL('../../../reference/countries.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]),
)
const alpha2: Record<string, string> = { KHM: 'KH', THA: 'TH', VNM: 'VN' }
const toAlpha2 = (a3: string) => alpha2[a3]

function screened() {
  const answers: Record<string, string | number> = { age: 22 }
  for (const q of allQuestions())
    if (q.kind === 'yesNoUnsure' && q.required === 'always') answers[q.id] = 'no'
  delete answers.childSafeToContactFamily
  Object.assign(answers, {
    actRecruitedByIntermediary: 'yes',
    meansDebt: 'yes',
    purposeForcedCriminality: 'yes',
    vulNoDocuments: 'yes',
  })
  const result = assessIdentification(answers)
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

function person(overrides: Partial<Person> = {}): Person {
  return {
    id: 'p-1',
    name: { latin: { given: 'Dara', family: 'Sok' } },
    gender: 'male',
    birthDate: '2003-01-20',
    nationality: 'KHM',
    ...overrides,
  }
}

function input(p: Person, screening = true): ExportInput {
  return {
    person: p,
    victim: screening
      ? victimContextFromIdentification('p-1', screened(), 'officer-1', '2025-09-01T08:00:00Z')
      : emptyVictimContext('p-1'),
    protectionCase: newCase('c-1', 'mosvy'),
    consents: [],
    registeredOn: '2025-09-01',
  }
}

// Every kind of person the export meets: each gender, a child, unknown birth date and nationality.
const PEOPLE: Person[] = [
  person(),
  person({ gender: 'female', birthDate: '2015-03-01', nationality: 'THA' }),
  person({ gender: 'nonconforming', nationality: 'VNM' }),
  person({ gender: 'unknown', birthDate: undefined, nationality: undefined }),
  person({ birthDate: '1960-01-01', nationality: 'XXA' }),
]
const ROWS = PEOPLE.flatMap((p) => [input(p), input(p, false)])

/** A value is allowed if the list names it or the list says ISO 3166-1 alpha-2 and it is a country code. */
function allowed(values: string[], value: string): boolean {
  if (values.includes(value)) return true
  if (values.includes('ISO 3166-1 alpha-2') && ALPHA2.has(value)) return true
  return values.includes('year') && /^\d{4}$/.test(value)
}

describe('the HTCDS profile', () => {
  const fields = reference('htcds-fields.csv')

  it('writes only HTCDS fields, each value a published value name (multiselects joined by ;)', () => {
    for (const row of ROWS.map((r) => toHtcdsRow(r, toAlpha2))) {
      for (const [field, value] of Object.entries(row)) {
        const values = fields.get(field)
        expect(values, field).toBeDefined()
        const type = readFileSync(
          new URL('../../../reference/case-standards/htcds-fields.csv', import.meta.url),
          'utf8',
        )
          .split('\n')
          .find((l) => l.startsWith(`${field},`))
          ?.split(',')[1]
        const parts = type === 'Multiselect Picklist' ? value.split(';').filter(Boolean) : [value]
        for (const part of parts)
          expect(value === '' || allowed(values ?? [], part), `${field}=${part}`).toBe(true)
      }
    }
  })

  it('spells the values as HTCDS does', () => {
    const row = toHtcdsRow(input(person({ gender: 'nonconforming' })), toAlpha2)
    expect(row).toMatchObject({
      prs_Gender: 'Transgender/NonConforming',
      prs_Nationality: 'KH',
      cas_Status: 'Active',
      vic_AgreementToManagePersonalData: 'false',
      vic_MethodsOfControl: 'DebtBondage',
      vic_TypeOfLabourExploitation: 'IllicitActivities',
    })
    expect(toHtcdsRow(input(person({ nationality: undefined })), toAlpha2).prs_Nationality).toBe('')
  })

  it('carries no direct identifier, birth date or age', () => {
    const text = JSON.stringify(ROWS.map((r) => toHtcdsRow(r, toAlpha2)))
    for (const secret of ['Dara', 'Sok"', '2003-01-20', 'p-1', 'c-1']) expect(text).not.toContain(secret)
    for (const q of PROFILE_QUASI_IDENTIFIERS.htcds) expect(fields.has(q)).toBe(true)
  })
})

describe('the CTDC profile', () => {
  const columns = reference('ctdc-columns.csv')
  const order = [...columns.keys()]

  it("writes CTDC's column names in CTDC's order, each value one of CTDC's spellings", () => {
    for (const row of ROWS.map((r) => toCtdcRow(r, toAlpha2))) {
      const names = Object.keys(row)
      expect(names).toEqual(profileColumns('ctdc'))
      for (const name of names) expect(columns.has(name), name).toBe(true)
      const positions = names.map((n) => order.indexOf(n))
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
      for (const [name, value] of Object.entries(row))
        expect(allowed(columns.get(name) ?? [], value), `${name}=${value}`).toBe(true)
    }
  })

  it('bands age as ageBroad and marks what is not known with -99', () => {
    expect(toCtdcRow(input(person()), toAlpha2)).toMatchObject({
      yearOfRegistration: '2025',
      gender: 'Male',
      ageBroad: '21--23',
      majorityStatus: 'Adult',
      citizenship: 'KH',
      meansOfControlDebtBondage: '1',
      meansOfControlThreats: '0',
      typeOfLabourIllicitActivities: '1',
      isForcedLabour: '1',
    })
    const child = toCtdcRow(input(person({ birthDate: '2015-03-01' })), toAlpha2)
    expect(child).toMatchObject({ ageBroad: '9--17', majorityStatus: 'Minor' })
    const unknown = toCtdcRow(
      input(person({ gender: 'unknown', birthDate: undefined, nationality: undefined })),
      toAlpha2,
    )
    expect(unknown).toMatchObject({
      gender: '-99',
      ageBroad: '-99',
      majorityStatus: '-99',
      citizenship: '-99',
    })
    expect(toCtdcRow(input(person(), false), toAlpha2)).toMatchObject({
      meansOfControlNotSpecified: '1',
      typeOfLabourNotSpecified: '1',
    })
  })

  it('feeds the k-anonymity check on its quasi-identifiers, which flags a lone foreign victim', () => {
    const rows = [
      ...Array.from({ length: 11 }, () => toCtdcRow(input(person()), toAlpha2)),
      toCtdcRow(input(person({ nationality: 'THA' })), toAlpha2),
    ]
    const report = checkKAnonymity(rows, PROFILE_QUASI_IDENTIFIERS.ctdc)
    expect(report.ok && report.value.tooSmall).toEqual([
      {
        values: { yearOfRegistration: '2025', gender: 'Male', ageBroad: '21--23', citizenship: 'TH' },
        size: 1,
      },
    ])
  })
})
