import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { inflateEntries } from './capped-unzip.ts'
import { FileRefused, type ReadLimits, runGuard } from './file-refused.ts'
import { isDateFormat } from './xlsx-dates.ts'

const WORKBOOK = 'xl/workbook.xml'
const RELS = 'xl/_rels/workbook.xml.rels'
const STRINGS = 'xl/sharedStrings.xml'
const STYLES = 'xl/styles.xml'

type Handlers = {
  open?(tag: SaxesTagPlain): void
  close?(name: string): void
  text?(t: string): void
}

/** A streaming XML reader over inflated chunks, refusing a text run longer than the limit before saxes buffers it. */
function xmlStream(h: Handlers, maxLineChars: number) {
  const parser = new SaxesParser()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const guard = runGuard('<', maxLineChars)
  let failure: unknown
  parser.on('error', (e) => {
    failure ??= new FileRefused('malformed_xlsx', 0, { message: e.message.slice(0, 200) })
  })
  if (h.open) parser.on('opentag', h.open)
  if (h.close) parser.on('closetag', (t) => h.close!(t.name))
  if (h.text) parser.on('text', h.text)
  return (chunk: Uint8Array, final: boolean) => {
    let text: string
    try {
      text = decoder.decode(chunk, { stream: !final })
    } catch {
      throw new FileRefused('malformed_xlsx')
    }
    guard(text)
    parser.write(text)
    if (final) parser.close()
    if (failure) throw failure
  }
}

const local = (name: string) => name.slice(name.indexOf(':') + 1)

/** What the sheet's cells need: shared strings, which styles are dates, the date system, and the first sheet's path. */
interface Workbook {
  strings: string[]
  dateStyles: Set<number>
  date1904: boolean
  sheet: string
}

function readWorkbook(zip: Uint8Array, limits: ReadLimits, budget: { max: number; used: number }): Workbook {
  const strings: string[] = []
  const numFmts = new Map<number, string>()
  const xfFormats: number[] = []
  let firstSheetRel = ''
  const targets = new Map<string, string>()
  let date1904 = false
  let inXfs = false
  let inString = 0
  let inT = false
  let current = ''
  const readers: Record<string, ReturnType<typeof xmlStream>> = {
    [WORKBOOK]: xmlStream(
      {
        open(tag) {
          const n = local(tag.name)
          if (n === 'workbookPr') date1904 = ['1', 'true'].includes(String(tag.attributes.date1904))
          if (n === 'sheet' && !firstSheetRel) firstSheetRel = String(tag.attributes['r:id'] ?? '')
        },
      },
      limits.maxLineChars,
    ),
    [RELS]: xmlStream(
      {
        open(tag) {
          if (local(tag.name) === 'Relationship')
            targets.set(String(tag.attributes.Id), String(tag.attributes.Target ?? ''))
        },
      },
      limits.maxLineChars,
    ),
    [STRINGS]: xmlStream(
      {
        open(tag) {
          const n = local(tag.name)
          if (n === 'si') {
            inString++
            current = ''
          } else if (n === 't') inT = true
          // Phonetic runs (rPh) repeat the reading of East Asian text; they are not part of the value.
          else if (n === 'rPh') inString++
        },
        close(name) {
          const n = local(name)
          if (n === 't') inT = false
          else if (n === 'rPh') inString--
          else if (n === 'si') {
            inString--
            if (strings.length >= limits.maxRows * 64)
              throw new FileRefused('too_many_rows', 0, { max: limits.maxRows })
            strings.push(current)
          }
        },
        text(t) {
          if (inT && inString === 1) current += t
        },
      },
      limits.maxLineChars,
    ),
    [STYLES]: xmlStream(
      {
        open(tag) {
          const n = local(tag.name)
          if (n === 'numFmt')
            numFmts.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''))
          else if (n === 'cellXfs') inXfs = true
          else if (n === 'xf' && inXfs) xfFormats.push(Number(tag.attributes.numFmtId ?? 0))
        },
        close(name) {
          if (local(name) === 'cellXfs') inXfs = false
        },
      },
      limits.maxLineChars,
    ),
  }
  const seen = inflateEntries(
    zip,
    (name) => name in readers,
    (name, chunk, final) => readers[name]!(chunk, final),
    budget,
  )
  if (!seen.has(WORKBOOK)) throw new FileRefused('malformed_xlsx')
  const target = targets.get(firstSheetRel) ?? 'worksheets/sheet1.xml'
  const sheet = target.startsWith('/') ? target.slice(1) : `xl/${target}`
  const dateStyles = new Set<number>()
  xfFormats.forEach((id, style) => {
    if (isDateFormat(id, numFmts.get(id))) dateStyles.add(style)
  })
  return { strings, dateStyles, date1904, sheet }
}

/** Column index of a cell reference: `C7` → 2. */
function columnOf(ref: string): number {
  let n = 0
  for (const ch of ref) {
    const c = ch.charCodeAt(0)
    if (c < 65 || c > 90) break
    n = n * 26 + (c - 64)
  }
  return n - 1
}

const DAY_MS = 86_400_000

/**
 * The rows of an XLSX workbook's first sheet, as the text a person would read (dates as ISO dates), numbered as
 * the spreadsheet numbers them. The sheet is inflated and parsed as a stream under the limits: inflated bytes,
 * rows, and the length of one cell.
 */
export function readXlsxRows(zip: Uint8Array, limits: ReadLimits, onRow: (cells: (string | null)[]) => void) {
  const budget = { max: limits.maxInflatedBytes, used: 0 }
  const book = readWorkbook(zip, limits, budget)
  let rowNo = 0
  let cells: (string | null)[] = []
  let cell: { col: number; type: string; style: number } | null = null
  let value = ''
  let inValue = false
  let nextCol = 0
  const emit = (upTo: number) => {
    // The header row is not counted: `maxRows` rows of data, like a CSV.
    if (upTo > limits.maxRows + 1) throw new FileRefused('too_many_rows', upTo, { max: limits.maxRows })
    // Rows the sheet leaves out are empty rows; they keep the numbering the officer sees in the spreadsheet.
    while (rowNo < upTo - 1) {
      rowNo++
      onRow([])
    }
    rowNo++
    onRow(cells)
  }
  const cellText = (): string | null => {
    if (!cell) return null
    if (cell.type === 's') return book.strings[Number(value)] ?? null
    if (cell.type === 'b') return value === '1' ? 'true' : 'false'
    if (cell.type === 'e') return null
    if (cell.type === 'str' || cell.type === 'inlineStr') return value
    if (value === '') return null
    const n = Number(value)
    if (Number.isNaN(n)) return value
    if (book.dateStyles.has(cell.style)) {
      const ms = (n - (book.date1904 ? 24107 : 25569)) * DAY_MS
      const d = new Date(Math.round(ms))
      return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10)
    }
    return String(n)
  }
  let pendingRow = 0
  const sheet = xmlStream(
    {
      open(tag) {
        const n = local(tag.name)
        if (n === 'row') {
          cells = []
          nextCol = 0
          pendingRow = tag.attributes.r ? Number(tag.attributes.r) : rowNo + 1
          if (!Number.isInteger(pendingRow) || pendingRow <= rowNo)
            throw new FileRefused('malformed_xlsx', rowNo)
        } else if (n === 'c') {
          const ref = String(tag.attributes.r ?? '')
          const col = ref ? columnOf(ref) : nextCol
          if (col < 0 || col > 16_383) throw new FileRefused('malformed_xlsx', pendingRow)
          cell = { col, type: String(tag.attributes.t ?? 'n'), style: Number(tag.attributes.s ?? 0) }
          value = ''
        } else if (n === 'v' || n === 't') inValue = true
      },
      close(name) {
        const n = local(name)
        if (n === 'v' || n === 't') inValue = false
        else if (n === 'c' && cell) {
          // A sparse row keeps its columns where the header put them; a hostile "XFD1" cannot grow it past the limit.
          if (cell.col < 1024) cells[cell.col] = cellText()
          nextCol = cell.col + 1
          cell = null
        } else if (n === 'row') {
          for (let i = 0; i < cells.length; i++) cells[i] ??= null
          emit(pendingRow)
        }
      },
      text(t) {
        if (inValue && cell) value += t
      },
    },
    limits.maxLineChars,
  )
  const seen = inflateEntries(
    zip,
    (name) => name === book.sheet,
    (_n, chunk, final) => sheet(chunk, final),
    budget,
  )
  if (!seen.has(book.sheet)) throw new FileRefused('malformed_xlsx')
}
