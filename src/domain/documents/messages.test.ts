import { describe, expect, it } from 'vitest'
import { catalogs } from '../../platform/i18n/catalog.ts'
import { CHECK_RESULTS, EXAMINATION_FINDINGS } from './examination-templates.ts'
import { MRZ_FORMATS } from './formats.ts'
import { MRZ_ISSUE_CODES } from './issues.ts'

describe('document messages', () => {
  it('have an English and a Khmer message for every issue code', () => {
    const { en, km } = catalogs()
    for (const code of MRZ_ISSUE_CODES) {
      expect(en[code], code).toBeTruthy()
      expect(km[code], code).toBeTruthy()
    }
  })

  it('name every format, finding and check result', () => {
    const { en } = catalogs()
    const keys = [
      ...MRZ_FORMATS.map((f) => `documents.format.${f}`),
      ...EXAMINATION_FINDINGS.map((f) => `documents.finding.${f}`),
      ...CHECK_RESULTS.map((r) => `documents.check_result.${r}`),
    ]
    for (const key of keys) expect(en[key], key).toBeTruthy()
  })
})
