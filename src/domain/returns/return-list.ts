import { checkReturnee, type Issue, type Returnee, type ReturneeInput, type ReturnType } from './returnee.ts'

/**
 * Return lists (government-to-government lists, deportation lists, a post's own spreadsheet) as rows of cells.
 * Headers are matched case-insensitively, with spaces and dashes read as `_`, in English or Khmer; columns not
 * listed here are ignored and named in the report. The file format is documented in `docs/return-list.md`.
 */
export const LIST_COLUMNS = [
  'list_no',
  'family_name',
  'given_name',
  'family_name_km',
  'given_name_km',
  'sex',
  'birth_date',
  'age',
  'nationality',
  'origin_province',
  'origin_district',
  'return_province',
  'return_district',
  'phone',
  'group',
  'flags',
  'needs',
] as const
export type ListColumn = (typeof LIST_COLUMNS)[number]

const ALIASES: Record<string, ListColumn> = {
  no: 'list_no',
  surname: 'family_name',
  last_name: 'family_name',
  first_name: 'given_name',
  given_names: 'given_name',
  dob: 'birth_date',
  date_of_birth: 'birth_date',
  gender: 'sex',
  mobile: 'phone',
  ល_រ: 'list_no',
  នាមត្រកូល: 'family_name_km',
  នាមខ្លួន: 'given_name_km',
  ភេទ: 'sex',
  ថ្ងៃខែឆ្នាំកំណើត: 'birth_date',
  អាយុ: 'age',
  ទូរស័ព្ទ: 'phone',
}

const FIELD_COLUMN: Partial<Record<Issue['field'], ListColumn>> = {
  familyLatin: 'family_name',
  givenLatin: 'given_name',
  familyKhmer: 'family_name_km',
  givenKhmer: 'given_name_km',
  sex: 'sex',
  birthDate: 'birth_date',
  estimatedAge: 'age',
  nationality: 'nationality',
  originProvince: 'origin_province',
  originDistrict: 'origin_district',
  returnProvince: 'return_province',
  returnDistrict: 'return_district',
  phone: 'phone',
  triageFlags: 'flags',
  needs: 'needs',
}

/** One problem in a file: its row (the header is row 1, as a spreadsheet numbers it), column and message key. */
export interface RowIssue {
  row: number
  column: ListColumn | null
  code: string
  params?: Record<string, unknown>
}

export interface ColumnMap {
  /** The list column each cell position holds, or null for an ignored column. */
  byIndex: (ListColumn | null)[]
  ignored: string[]
}

const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')

export function mapColumns(
  header: readonly string[],
): { ok: true; map: ColumnMap } | { ok: false; issues: RowIssue[] } {
  const byIndex: (ListColumn | null)[] = []
  const ignored: string[] = []
  const issues: RowIssue[] = []
  for (const raw of header) {
    const h = normaliseHeader(raw)
    const column = (LIST_COLUMNS as readonly string[]).includes(h) ? (h as ListColumn) : (ALIASES[h] ?? null)
    if (column && byIndex.includes(column)) issues.push({ row: 1, column, code: 'duplicate_column' })
    if (!column && h !== '') ignored.push(raw.trim())
    byIndex.push(column)
  }
  const names: ListColumn[] = ['family_name', 'given_name', 'family_name_km', 'given_name_km']
  if (!names.some((n) => byIndex.includes(n)))
    issues.push({ row: 1, column: null, code: 'missing_name_columns' })
  return issues.length > 0 ? { ok: false, issues } : { ok: true, map: { byIndex, ignored } }
}

export interface ListContext {
  today: string
  /** Province code by code, English or Khmer name, each lower-cased: `kh-1`, `banteay meanchey`, `បន្ទាយមានជ័យ`. */
  provinceByName: ReadonlyMap<string, string>
  returnType: ReturnType
}

export type ParsedRow =
  | { kind: 'blank' }
  | {
      kind: 'valid'
      returnee: Returnee
      listNo: string | null
      groupLabel: string | null
      referralProposed: boolean
    }
  | { kind: 'invalid'; issues: RowIssue[] }

const SEX: Record<string, 'M' | 'F' | 'X'> = {
  m: 'M',
  male: 'M',
  ប្រុស: 'M',
  f: 'F',
  female: 'F',
  ស្រី: 'F',
  x: 'X',
  other: 'X',
}

const list = (value: string | null) =>
  (value ?? '')
    .split(/[;|,]/)
    .map((v) =>
      v
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    )
    .filter(Boolean)

/** Reads one data row (`row` is its number in the file); a row is registered whole or reported, never in part. */
export function parseListRow(
  cells: readonly (string | null)[],
  map: ColumnMap,
  row: number,
  ctx: ListContext,
): ParsedRow {
  const cell: Partial<Record<ListColumn, string>> = {}
  map.byIndex.forEach((column, i) => {
    const value = cells[i]?.trim()
    if (column && value) cell[column] = value
  })
  if (Object.keys(cell).length === 0) return { kind: 'blank' }
  const issues: RowIssue[] = []
  const sex = cell.sex === undefined ? null : (SEX[cell.sex.toLowerCase()] ?? null)
  if (cell.sex !== undefined && sex === null) issues.push({ row, column: 'sex', code: 'invalid_sex' })
  const age = cell.age === undefined ? null : /^\d{1,3}$/.test(cell.age) ? Number(cell.age) : Number.NaN
  if (Number.isNaN(age)) issues.push({ row, column: 'age', code: 'invalid_age', params: { max: 120 } })
  const province = (column: ListColumn) => {
    const value = cell[column]
    if (value === undefined) return null
    const code = ctx.provinceByName.get(value.toLowerCase())
    if (!code) issues.push({ row, column, code: 'unknown_province', params: { value } })
    return code ?? null
  }
  const input: ReturneeInput = {
    familyLatin: cell.family_name ?? null,
    givenLatin: cell.given_name ?? null,
    familyKhmer: cell.family_name_km ?? null,
    givenKhmer: cell.given_name_km ?? null,
    sex,
    birthDate: cell.birth_date ?? null,
    estimatedAge: Number.isNaN(age) ? null : age,
    nationality: (cell.nationality ?? 'KHM').toUpperCase(),
    originProvince: province('origin_province'),
    originDistrict: cell.origin_district ?? null,
    returnProvince: province('return_province'),
    returnDistrict: cell.return_district ?? null,
    phone: cell.phone ?? null,
    groupId: null,
    returnType: ctx.returnType,
    triageFlags: list(cell.flags ?? null),
    needs: list(cell.needs ?? null),
  }
  const checked = checkReturnee(input, { today: ctx.today, provinces: new Set(ctx.provinceByName.values()) })
  if (!checked.ok)
    // Province codes already failed above with the cell's own value; the domain's check would repeat them.
    for (const i of checked.issues)
      if (!issues.some((x) => x.column === FIELD_COLUMN[i.field] && x.code === i.code))
        issues.push({
          row,
          column: FIELD_COLUMN[i.field] ?? null,
          code: i.code,
          ...(i.params ? { params: i.params } : {}),
        })
  if (issues.length > 0 || !checked.ok) return { kind: 'invalid', issues }
  return {
    kind: 'valid',
    returnee: checked.returnee,
    listNo: cell.list_no ?? null,
    groupLabel: cell.group ?? null,
    referralProposed: checked.referralProposed,
  }
}
