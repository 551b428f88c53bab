import { SaxesParser } from 'saxes'
import { type CountryLookup, type ImportItem, mapCountries, tidy, UnreadableFile, uniq } from './records.ts'

/** One INDIVIDUAL of the UN Security Council Consolidated List, as the parser collects it. */
interface Individual {
  line: number
  ref: string
  listType: string
  nameParts: string[]
  original: string
  aliases: string[]
  births: { type: string; date: string; year: string }[]
  nationalities: string[]
  gender: string
  documents: { type: string; number: string; country: string }[]
}

const MAX_DEPTH = 32

const NAME_PARTS = new Set(['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'])

function birthDate(p: Individual): string | null {
  // A range (BETWEEN) has no partial-date form: it is left out rather than guessed.
  for (const b of p.births) {
    if (b.type === 'BETWEEN') continue
    if (/^\d{4}-\d{2}-\d{2}$/.test(b.date)) return b.date
    if (/^\d{4}$/.test(b.year)) return b.year
  }
  return null
}

function toItem(p: Individual, country: CountryLookup): ImportItem {
  if (!p.ref)
    return { line: p.line, kind: 'rejected', code: 'missing_value', params: { column: 'REFERENCE_NUMBER' } }
  const main = tidy(p.nameParts.join(' '))
  const names = uniq([main, tidy(p.original), ...p.aliases.map((a) => tidy(a))])
  const sex = p.gender === 'Male' ? 'M' : p.gender === 'Female' ? 'F' : null
  const nationality = mapCountries(p.nationalities, country)
  const states = mapCountries(
    p.documents.map((d) => d.country),
    country,
  )
  return {
    line: p.line,
    kind: 'person',
    externalId: p.ref,
    unmapped: uniq([...nationality.unmapped, ...states.unmapped]),
    entry: {
      names,
      birthDate: birthDate(p),
      nationality: nationality.codes,
      sex,
      // Document numbers come with notes and line breaks; only a plausible number is kept for the lookup.
      documents: p.documents
        .map((d) => ({
          number: tidy(d.number, 200),
          type: tidy(d.type, 40),
          state: country(tidy(d.country)),
        }))
        .filter((d) => d.number.length > 0 && d.number.length <= 60)
        .map((d) => ({
          number: d.number,
          ...(d.type ? { type: d.type } : {}),
          ...(d.state ? { issuingState: d.state } : {}),
        })),
      category: 'sanctioned',
      source: tidy(`UN Security Council ${p.listType} ${p.ref}`, 500),
      handling: '',
    },
  }
}

/**
 * Streams the UN Security Council Consolidated List XML: individuals become person entries keyed by their
 * reference number; entities are skipped (they are organisations, not travellers). Broken XML stops the import
 * at the line where the parser failed.
 */
export async function* readUnXml(
  text: AsyncIterable<string>,
  country: CountryLookup,
): AsyncGenerator<ImportItem> {
  const parser = new SaxesParser()
  const out: ImportItem[] = []
  const path: string[] = []
  let buf = ''
  let cur: Individual | undefined
  let sawRoot = false
  parser.on('error', (err) => {
    throw new UnreadableFile(parser.line, 'broken_xml', { message: err.message.slice(0, 200) })
  })
  parser.on('opentag', (tag) => {
    // The list nests five deep; a file nesting deeper than this is not the list, and only grows the path.
    if (path.length >= MAX_DEPTH) throw new UnreadableFile(parser.line, 'too_deep', { max: MAX_DEPTH })
    path.push(tag.name)
    buf = ''
    if (path.length === 1) sawRoot = tag.name === 'CONSOLIDATED_LIST'
    if (tag.name === 'INDIVIDUAL') {
      cur = {
        line: parser.line,
        ref: '',
        listType: '',
        nameParts: [],
        original: '',
        aliases: [],
        births: [],
        nationalities: [],
        gender: '',
        documents: [],
      }
    } else if (tag.name === 'ENTITY') out.push({ line: parser.line, kind: 'skipped' })
    else if (cur && tag.name === 'INDIVIDUAL_DATE_OF_BIRTH') cur.births.push({ type: '', date: '', year: '' })
    else if (cur && tag.name === 'INDIVIDUAL_DOCUMENT')
      cur.documents.push({ type: '', number: '', country: '' })
  })
  parser.on('text', (t) => {
    buf += t
  })
  parser.on('closetag', (tag) => {
    const parent = path[path.length - 2]
    path.pop()
    const value = buf.trim()
    buf = ''
    if (!cur) return
    if (tag.name === 'INDIVIDUAL') {
      out.push(toItem(cur, country))
      cur = undefined
    } else if (parent === 'INDIVIDUAL') {
      if (NAME_PARTS.has(tag.name) && value) cur.nameParts.push(value)
      else if (tag.name === 'REFERENCE_NUMBER') cur.ref = value
      else if (tag.name === 'UN_LIST_TYPE') cur.listType = value
      else if (tag.name === 'NAME_ORIGINAL_SCRIPT') cur.original = value
      else if (tag.name === 'GENDER') cur.gender = value
    } else if (parent === 'INDIVIDUAL_ALIAS' && tag.name === 'ALIAS_NAME' && value) cur.aliases.push(value)
    else if (parent === 'NATIONALITY' && tag.name === 'VALUE' && value) cur.nationalities.push(value)
    else if (parent === 'INDIVIDUAL_DATE_OF_BIRTH') {
      const b = cur.births[cur.births.length - 1]!
      if (tag.name === 'TYPE_OF_DATE') b.type = value
      else if (tag.name === 'DATE') b.date = value
      else if (tag.name === 'YEAR') b.year = value
    } else if (parent === 'INDIVIDUAL_DOCUMENT') {
      const d = cur.documents[cur.documents.length - 1]!
      if (tag.name === 'TYPE_OF_DOCUMENT') d.type = value
      else if (tag.name === 'NUMBER') d.number = value
      else if (tag.name === 'ISSUING_COUNTRY' || (tag.name === 'COUNTRY_OF_ISSUE' && !d.country))
        d.country = value
    }
  })
  for await (const chunk of text) {
    parser.write(chunk)
    if (!sawRoot && path.length > 0) throw new UnreadableFile(parser.line, 'not_un_list')
    yield* out.splice(0)
  }
  parser.close()
  if (!sawRoot) throw new UnreadableFile(parser.line, 'not_un_list')
  yield* out.splice(0)
}
