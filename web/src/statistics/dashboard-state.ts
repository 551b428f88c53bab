import { isPeriodUnit, type PeriodUnit, parsePeriod } from '../../../src/domain/statistics/periods.ts'

export const VIEWS = ['national', 'post', 'returns', 'protection'] as const
export type ViewId = (typeof VIEWS)[number]

/** The dimensions a dashboard may be filtered on, each kept in the URL under its own name. */
export const FILTER_DIMENSIONS = [
  'post',
  'direction',
  'nationality',
  'sex',
  'ageBand',
  'travelPurpose',
  'refusalReason',
  'provinceOfReturn',
  'exploitationForm',
] as const
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number]

/** Everything a view depends on; the URL query holds all of it so a view can be shared as a link. */
export interface DashboardState {
  view: ViewId
  from: string
  to: string
  unit: PeriodUnit
  filters: Partial<Record<FilterDimension, string[]>>
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function iso(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** Cambodia keeps UTC+7 all year (no daylight saving), so its day needs no time-zone data from the browser. */
const CAMBODIA_OFFSET_MS = 7 * 3_600_000

/**
 * The last twelve whole months up to today at the posts: what a dashboard shows before anyone chooses. Movements
 * are counted on Cambodia's calendar day, so a browser on UTC between 17:00 and 24:00 must not end the range on
 * yesterday and hide what was just recorded.
 */
export function defaultState(now: Date, view: ViewId = 'national'): DashboardState {
  const today = new Date(now.getTime() + CAMBODIA_OFFSET_MS)
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1))
  return { view, from: iso(start), to: iso(today), unit: 'month', filters: {} }
}

/**
 * Unknown or malformed parameters fall back to the defaults instead of breaking a shared link. The default
 * filters (a post chief's own post) apply only to a bare address: a link that sets anything is taken as is.
 */
export function parseState(search: string, defaults: DashboardState): DashboardState {
  const q = new URLSearchParams(search)
  if ([...q.keys()].length === 0) return defaults
  const view = q.get('view')
  const unit = q.get('unit') ?? ''
  const from = q.get('from') ?? ''
  const to = q.get('to') ?? ''
  const filters: DashboardState['filters'] = {}
  for (const d of FILTER_DIMENSIONS) {
    const values = (q.get(d) ?? '').split(',').filter(Boolean)
    if (values.length > 0) filters[d] = values
  }
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewId) : defaults.view,
    from: ISO_DATE.test(from) ? from : defaults.from,
    to: ISO_DATE.test(to) ? to : defaults.to,
    unit: isPeriodUnit(unit) ? unit : defaults.unit,
    filters,
  }
}

export function stateToSearch(state: DashboardState): string {
  const q = new URLSearchParams({ view: state.view, from: state.from, to: state.to, unit: state.unit })
  for (const d of FILTER_DIMENSIONS) {
    const values = state.filters[d]
    if (values && values.length > 0) q.set(d, values.join(','))
  }
  return `?${q.toString()}`
}

export function withFilter(
  state: DashboardState,
  dimension: FilterDimension,
  values: string[],
): DashboardState {
  const filters = { ...state.filters }
  if (values.length > 0) filters[dimension] = values
  else delete filters[dimension]
  return { ...state, filters }
}

const FINER: Record<PeriodUnit, PeriodUnit | null> = {
  year: 'quarter',
  quarter: 'month',
  month: 'day',
  week: 'day',
  day: null,
}

/** Clicking a period narrows the range to it and counts it by the next finer unit (a day stays a day). */
export function drillIntoPeriod(state: DashboardState, periodKey: string): DashboardState {
  const period = parsePeriod(periodKey)
  if (!period.ok) return state
  return {
    ...state,
    from: period.value.start,
    to: period.value.end,
    unit: FINER[period.value.unit] ?? period.value.unit,
  }
}

/** Clicking a point of entry opens the post view for it. */
export function drillIntoPost(state: DashboardState, post: string): DashboardState {
  return { ...withFilter(state, 'post', [post]), view: 'post' }
}
