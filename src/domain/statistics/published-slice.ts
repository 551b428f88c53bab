import { DIMENSION_IDS, resolveDimension } from './dimensions.ts'
import { fail, ok, type Result, STATISTICS_ERRORS } from './errors.ts'
import { type PublishedCell, type PublishedTable, TOTAL } from './suppress-aggregate.ts'

/**
 * Drill-down without differencing (see SUPPRESSION.md, "Differencing across requests"). A filtered view is
 * not a table of its own: it is a slice of one fixed table over the asked dimensions and the filtered ones,
 * suppressed as a whole. Whatever order the dimensions come in and whichever of them are filters, the same
 * set of dimensions gives the same published table, so a drill-down can never show a number that the table
 * without the filter withholds, and two drill-downs can never be subtracted to reveal one.
 */

/** The fixed table a view is cut from: the asked and filtered dimensions in catalogue order. */
export function tableDimensions(dimensions: readonly string[], filterNames: readonly string[]): string[] {
  const all = [...new Set([...dimensions, ...filterNames])]
  const rank = (name: string) => {
    const id = name.split(':')[0] ?? ''
    return (DIMENSION_IDS as readonly string[]).indexOf(id)
  }
  return all.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * One value per filter: a set of values is a sum of cells that the fixed table never published, and the
 * difference of two such sets (all posts, all posts but one) is a small group's count.
 */
export function singleValueFilters(
  filters: Readonly<Record<string, readonly string[]>>,
): Result<Record<string, string>> {
  const single: Record<string, string> = {}
  for (const [name, values] of Object.entries(filters)) {
    const resolved = resolveDimension(name)
    if (!resolved.ok) return resolved
    const distinct = [...new Set(values)]
    if (distinct.length !== 1 || distinct[0] === undefined)
      return fail(STATISTICS_ERRORS.filterNotSingle, { dimension: name })
    single[name] = distinct[0]
  }
  return ok(single)
}

/**
 * The cells of `table` where every filter dimension takes its value, keyed by the asked dimensions only.
 * When the reader chose the filters (`refuseSmall`), a slice whose own total is a small count is refused
 * rather than shown as a table of withheld cells: choosing it is itself the attempt to isolate a small group.
 * A slice the reader did not choose (their own post, an indicator's definition) is shown withheld instead.
 */
export function sliceTable(
  table: PublishedTable,
  dimensions: readonly string[],
  filters: Readonly<Record<string, string>>,
  o: { threshold: number; refuseSmall: boolean },
): Result<PublishedCell[]> {
  const filterNames = Object.keys(filters)
  const inSlice = table.cells.filter((cell) => filterNames.every((name) => cell.key[name] === filters[name]))
  const cells = inSlice.map((cell) => ({
    ...cell,
    key: Object.fromEntries(dimensions.map((name) => [name, cell.key[name] ?? TOTAL])),
  }))
  if (o.refuseSmall && filterNames.length > 0) {
    const total = cells.find((cell) => dimensions.every((name) => cell.key[name] === TOTAL))
    if (total?.status === 'primary')
      return fail(STATISTICS_ERRORS.filterIsolatesSmallGroup, { threshold: o.threshold })
  }
  return ok(cells)
}
