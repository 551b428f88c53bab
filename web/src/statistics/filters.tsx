import type { StatisticsCatalog } from '../../../src/app/statistics/statistics.contract.ts'
import { PERIOD_UNITS } from '../../../src/domain/statistics/periods.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import {
  type DashboardState,
  FILTER_DIMENSIONS,
  type FilterDimension,
  withFilter,
} from './dashboard-state.ts'

// Filters offered as lists; the others (age band, province, form of exploitation) are set by drilling down.
const LISTED: readonly FilterDimension[] = ['post', 'direction', 'sex', 'nationality']

export function valueLabel(catalog: StatisticsCatalog, dimension: string, code: string): string {
  return (
    catalog.dimensions.find((d) => d.id === dimension)?.values?.find((v) => v.code === code)?.label ?? code
  )
}

/** Period, unit and the listed dimensions; every change is a new URL, so it can be shared or undone with Back. */
export function Filters({
  catalog,
  state,
  onChange,
}: {
  catalog: StatisticsCatalog
  state: DashboardState
  onChange: (next: DashboardState) => void
}) {
  const { t } = useI18n()
  return (
    <form
      className="filters dashboard-filters"
      aria-label={t('dashboards.filters.title')}
      onSubmit={(e) => e.preventDefault()}
    >
      <TextField
        label={t('dashboards.filters.from')}
        type="date"
        value={state.from}
        max={state.to}
        onChange={(e) => e.target.value && onChange({ ...state, from: e.target.value })}
      />
      <TextField
        label={t('dashboards.filters.to')}
        type="date"
        value={state.to}
        min={state.from}
        onChange={(e) => e.target.value && onChange({ ...state, to: e.target.value })}
      />
      <SelectField
        label={t('dashboards.filters.unit')}
        value={state.unit}
        onChange={(e) => onChange({ ...state, unit: e.target.value as DashboardState['unit'] })}
      >
        {PERIOD_UNITS.map((u) => (
          <option key={u} value={u}>
            {t(`statistics.periodUnits.${u}`)}
          </option>
        ))}
      </SelectField>
      {LISTED.map((id) => {
        const values = catalog.dimensions.find((d) => d.id === id)?.values
        if (!values || values.length === 0) return null
        return (
          <SelectField
            key={id}
            label={t(`statistics.dimensions.${id}`)}
            value={state.filters[id]?.[0] ?? ''}
            onChange={(e) => onChange(withFilter(state, id, e.target.value ? [e.target.value] : []))}
          >
            <option value="">{t('dashboards.filters.all')}</option>
            {values.map((v) => (
              <option key={v.code} value={v.code}>
                {v.label}
              </option>
            ))}
          </SelectField>
        )
      })}
    </form>
  )
}

/** The filters in force, each removable: drill-downs add to these. */
export function FilterChips({
  catalog,
  state,
  onChange,
}: {
  catalog: StatisticsCatalog
  state: DashboardState
  onChange: (next: DashboardState) => void
}) {
  const { t } = useI18n()
  const active = FILTER_DIMENSIONS.flatMap((d) => (state.filters[d] ?? []).map((code) => ({ d, code })))
  if (active.length === 0) return null
  return (
    <ul className="filter-chips" aria-label={t('dashboards.filters.active')}>
      {active.map(({ d, code }) => {
        const text = `${t(`statistics.dimensions.${d}`)}: ${valueLabel(catalog, d, code)}`
        return (
          <li key={`${d}-${code}`}>
            <span>{text}</span>
            <button
              type="button"
              aria-label={t('dashboards.filters.remove', { filter: text })}
              onClick={() =>
                onChange(
                  withFilter(
                    state,
                    d,
                    (state.filters[d] ?? []).filter((c) => c !== code),
                  ),
                )
              }
            >
              ×
            </button>
          </li>
        )
      })}
    </ul>
  )
}
