import { parse } from 'csv-parse'
import { type CountryLookup, type ImportItem, mapCountries, tidy, UnreadableFile, uniq } from './records.ts'

const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
}

/** The first birth date in OFAC's remarks ("DOB 10 Dec 1948", "DOB Mar 1960", "DOB circa 1955"). */
function birthDate(remarks: string): string | null {
  const m = /DOB (?:circa )?(?:(\d{1,2}) )?(?:([A-Z][a-z]{2}) )?(\d{4})/.exec(remarks)
  if (!m) return null
  const month = m[2] ? MONTHS[m[2]] : undefined
  if (!month) return m[3]!
  return m[1] ? `${m[3]}-${month}-${m[1].padStart(2, '0')}` : `${m[3]}-${month}`
}

function toItem(line: number, cols: string[], country: CountryLookup): ImportItem {
  const value = (i: number) => (cols[i]?.trim() === '-0-' ? '' : (cols[i]?.trim() ?? ''))
  if (value(2) !== 'individual') return { line, kind: 'skipped' }
  const id = value(0)
  if (!id) return { line, kind: 'rejected', code: 'missing_value', params: { column: 'ent_num' } }
  const remarks = value(11)
  const aliases = [...remarks.matchAll(/a\.k\.a\. '([^']+)'/g)].map((m) => tidy(m[1]))
  const documents = [...remarks.matchAll(/Passport ([A-Z0-9][A-Z0-9-]{2,29})(?: \(([^)]+)\))?/g)].map((m) => {
    const state = m[2] ? country(m[2]) : undefined
    return { number: m[1]!, type: 'passport', ...(state ? { issuingState: state } : {}) }
  })
  // OFAC writes some countries with a comma or hyphen ("Korea, North", "Guinea-Bissau"): a name ends at ; or .
  const nationality = mapCountries(
    [...remarks.matchAll(/(?:nationality|citizen) ([A-Z][A-Za-z ,'-]*?)(?:;|\.|$)/g)].map((m) => m[1]!),
    country,
  )
  const passportStates = [...remarks.matchAll(/Passport [A-Z0-9][A-Z0-9-]{2,29} \(([^)]+)\)/g)].map(
    (m) => m[1]!,
  )
  const unmapped = uniq([...nationality.unmapped, ...mapCountries(passportStates, country).unmapped])
  const gender = /Gender (Male|Female)/.exec(remarks)?.[1]
  return {
    line,
    kind: 'person',
    externalId: id,
    unmapped,
    entry: {
      names: uniq([tidy(value(1)), ...aliases]).slice(0, 100),
      birthDate: birthDate(remarks),
      nationality: nationality.codes.slice(0, 10),
      sex: gender === 'Male' ? 'M' : gender === 'Female' ? 'F' : null,
      documents: documents.slice(0, 50),
      category: 'sanctioned',
      source: tidy(`OFAC SDN ${value(3)} ${id}`, 500),
      handling: '',
    },
  }
}

/**
 * Reads OFAC's legacy `sdn.csv` (no header; ent_num, name, type, program, …, remarks; `-0-` for empty). Individuals
 * become person entries keyed by ent_num, with birth date, aliases, passports, nationality and gender taken from
 * the remarks; vessels, aircraft and entities are skipped, and so is the end-of-file (0x1A) line.
 */
export async function* readOfacSdn(
  text: AsyncIterable<string>,
  country: CountryLookup,
): AsyncGenerator<ImportItem> {
  const out: ImportItem[] = []
  let failure: unknown
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true, trim: false })
  parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) => {
    if (record.length === 1 && record[0]!.trim().replace(/\u001a/g, '') === '') return
    if (record.length !== 12) {
      out.push({
        line: info.lines,
        kind: 'rejected',
        code: 'bad_row',
        params: { message: `${record.length} columns` },
      })
      return
    }
    out.push(toItem(info.lines, record, country))
  })
  parser.on('error', (err) => {
    failure = err
  })
  const check = () => {
    if (!failure) return
    const e = failure as { lines?: number; code?: string }
    throw new UnreadableFile(e.lines ?? 0, 'bad_row', { message: e.code ?? 'CSV' })
  }
  for await (const chunk of text) {
    const flowing = parser.write(chunk)
    check()
    if (!flowing) await new Promise((resolve) => parser.once('drain', resolve).once('close', resolve))
    await new Promise((resolve) => setImmediate(resolve))
    check()
    yield* out.splice(0)
  }
  const ended = new Promise((resolve) => parser.once('end', resolve).once('close', resolve))
  parser.end()
  await ended
  check()
  yield* out.splice(0)
}
