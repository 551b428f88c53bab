import { LAYOUTS, type MrzSpan } from '../documents/formats.ts'
import { addDays, addYears } from './dates.ts'
import type { DefectCode } from './defects.ts'
import type { Random } from './random.ts'
import type { Specimen } from './specimen.ts'

const OTHER_GIVEN = ['KARIN', 'OSKAR', 'NADIA', 'VIKTOR', 'GRETA']

function replaceAt(lines: string[], span: MrzSpan, value: string): void {
  const line = lines[span.line]!
  lines[span.line] = line.slice(0, span.start) + value + line.slice(span.end)
}

/**
 * Applies one defect in place. The list, story and guardian defects are already in the specimen's data
 * (`generateSpecimen` wrote them); the document defects are made here, as a forger or a worn page would.
 */
export function injectDefect(s: Specimen, defect: DefectCode, r: Random): void {
  const layout = LAYOUTS[s.kind === 'VISA' ? 'MRVA' : s.kind]
  switch (defect) {
    case 'mrz_check_digit': {
      const span = r.pick([layout.documentNumberCheck, layout.birthDateCheck, layout.expiryDateCheck])
      const digit = Number(s.mrz[span.line]![span.start])
      replaceAt(s.mrz, span, String((digit + r.int(1, 9)) % 10))
      return
    }
    case 'mrz_viz_birth_date':
      s.printed.birthDate = addDays(s.printed.birthDate, r.pick([-1, 1]) * r.int(31, 700))
      return
    case 'mrz_viz_name':
      s.printed.givenNames = r.pick(OTHER_GIVEN.filter((g) => g !== s.printed.givenNames))
      return
    case 'mrz_viz_number': {
      const n = s.printed.documentNumber
      const i = r.int(2, n.length - 1)
      s.printed.documentNumber = n.slice(0, i) + String((Number(n[i]) + r.int(1, 9)) % 10) + n.slice(i + 1)
      return
    }
    case 'altered_expiry':
      // The printed date was pushed later by hand; the MRZ keeps the issuer's date.
      s.printed.expiryDate = addYears(s.printed.expiryDate, r.int(1, 4))
      return
    default:
      return
  }
}
