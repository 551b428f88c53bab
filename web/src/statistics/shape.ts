import type { StatisticsCell } from '../../../src/app/statistics/statistics.contract.ts'
import type { CellStatus } from '../../../src/domain/statistics/suppression.ts'

/** The cell key value that stands for the total over a dimension. */
export const TOTAL = '*'

/** What the shaping helpers need from a query or indicator result. */
export interface CellTable {
  cells: StatisticsCell[]
  labels: Record<string, Record<string, string>>
}

export interface Category {
  code: string
  label: string
}

/** One figure as a chart shows it: `value` is null exactly when disclosure control withheld it. */
export interface Point {
  value: number | null
  status: CellStatus
}

export interface Series extends Category {
  points: Point[]
}

export interface Shaped {
  categories: Category[]
  series: Series[]
}

// A combination the API did not return had no record at all: a true, published zero.
const ZERO: Point = { value: 0, status: 'published' }

function label(table: CellTable, dimension: string, code: string): string {
  return table.labels[dimension]?.[code] ?? code
}

/** Cells where exactly the given dimensions carry a value and every other dimension is the total. */
export function cellsOver(table: CellTable, dimensions: readonly string[]): StatisticsCell[] {
  return table.cells.filter((c) =>
    Object.entries(c.key).every(([d, v]) => (dimensions.includes(d) ? v !== TOTAL : v === TOTAL)),
  )
}

/** The values of a dimension in the order the API gives them (its own sort), totals left out. */
export function categoriesOf(table: CellTable, dimension: string): Category[] {
  const seen = new Set<string>()
  for (const c of table.cells) {
    const v = c.key[dimension]
    if (v !== undefined && v !== TOTAL) seen.add(v)
  }
  return [...seen].map((code) => ({ code, label: label(table, dimension, code) }))
}

/** The grand total, when the result has one (multi-valued dimensions have no margin). */
export function grandTotal(table: CellTable): Point | undefined {
  const cell = table.cells.find((c) => Object.values(c.key).every((v) => v === TOTAL))
  return cell && { value: cell.value, status: cell.status }
}

/**
 * Categories along one dimension, one series per value of another (or a single series without one).
 * `order` fixes the categories, e.g. every month of the range so that empty months show as zero.
 */
export function shape(
  table: CellTable,
  categoryDimension: string,
  seriesDimension?: string,
  order?: readonly string[],
): Shaped {
  const categories = order
    ? order.map((code) => ({ code, label: label(table, categoryDimension, code) }))
    : categoriesOf(table, categoryDimension)
  const dims = seriesDimension ? [categoryDimension, seriesDimension] : [categoryDimension]
  const byKey = new Map<string, Point>()
  for (const c of cellsOver(table, dims)) {
    byKey.set(`${c.key[categoryDimension]}\u001f${seriesDimension ? c.key[seriesDimension] : ''}`, {
      value: c.value,
      status: c.status,
    })
  }
  const seriesCats: Category[] = seriesDimension
    ? categoriesOf(table, seriesDimension)
    : [{ code: '', label: '' }]
  return {
    categories,
    series: seriesCats.map((s) => ({
      ...s,
      points: categories.map((c) => byKey.get(`${c.code}\u001f${s.code}`) ?? ZERO),
    })),
  }
}

export interface PyramidRow {
  band: Category
  male: Point
  female: Point
}

export interface Pyramid {
  rows: PyramidRow[]
  /** Sexes that are neither male nor female (unspecified, unknown): listed in the table, not drawn. */
  others: Category[]
  /** Every sex as a column, bands in pyramid order: the data table. */
  table: Shaped
}

const MALE = /^m(ale)?$/i
const FEMALE = /^f(emale)?$/i

function bandStart(code: string): number {
  const n = Number.parseInt(code, 10)
  // `unknown` goes on top of the pyramid, apart from the real ages.
  return Number.isNaN(n) ? Number.POSITIVE_INFINITY : n
}

/** Age bands youngest at the bottom (first row), male and female side by side. */
export function pyramid(table: CellTable, sexDimension = 'sex', ageDimension = 'ageBand'): Pyramid {
  const sexes = categoriesOf(table, sexDimension)
  const male = sexes.find((s) => MALE.test(s.code))
  const female = sexes.find((s) => FEMALE.test(s.code))
  const bands = categoriesOf(table, ageDimension).sort((a, b) => bandStart(a.code) - bandStart(b.code))
  const shaped = shape(
    table,
    ageDimension,
    sexDimension,
    bands.map((b) => b.code),
  )
  const pointsOf = (sex: Category | undefined) =>
    shaped.series.find((s) => s.code === sex?.code)?.points ?? bands.map(() => ZERO)
  const m = pointsOf(male)
  const f = pointsOf(female)
  return {
    rows: bands.map((band, i) => ({ band, male: m[i] ?? ZERO, female: f[i] ?? ZERO })),
    others: sexes.filter((s) => s !== male && s !== female),
    table: shaped,
  }
}

/** Rows for the accessible table: one per category, one column per series. */
export function tableRows(shaped: Shaped): { category: Category; points: Point[] }[] {
  return shaped.categories.map((category, i) => ({
    category,
    points: shaped.series.map((s) => s.points[i] ?? ZERO),
  }))
}

export function isWithheld(point: Point): boolean {
  return point.value === null
}

/** Largest category first (by the sum over all series); a withheld figure counts as nothing, so it sorts last. */
export function byTotal(shaped: Shaped): Shaped {
  const size = (i: number) =>
    shaped.series.every((s) => s.points[i]?.value === null)
      ? -1
      : shaped.series.reduce((sum, s) => sum + (s.points[i]?.value ?? 0), 0)
  const order = shaped.categories.map((_, i) => i).sort((a, b) => size(b) - size(a))
  return {
    categories: order.map((i) => shaped.categories[i] as Category),
    series: shaped.series.map((s) => ({ ...s, points: order.map((i) => s.points[i] ?? ZERO) })),
  }
}

/** The first `n` categories, for charts that cannot show two hundred nationalities; the table keeps all. */
export function firstCategories(shaped: Shaped, n: number): Shaped {
  if (shaped.categories.length <= n) return shaped
  return {
    categories: shaped.categories.slice(0, n),
    series: shaped.series.map((s) => ({ ...s, points: s.points.slice(0, n) })),
  }
}

/**
 * How an indicator is broken down on screen: along its last dimension that has figures of its own (for
 * SDG 16.2.2 the form of exploitation), split by a first dimension of few values (sex) where the result
 * holds that combination.
 */
export function breakdownOf(
  table: CellTable,
  dimensions: readonly string[],
): { category: string; series?: string } | undefined {
  const category = [...dimensions].reverse().find((d) => cellsOver(table, [d]).length > 0)
  if (!category) return undefined
  const series = dimensions.find(
    (d) => d !== category && categoriesOf(table, d).length <= 4 && cellsOver(table, [category, d]).length > 0,
  )
  return series ? { category, series } : { category }
}
