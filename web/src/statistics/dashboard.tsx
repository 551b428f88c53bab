import { useMemo } from 'react'
import type { StatisticsQuery } from '../../../src/app/statistics/statistics.contract.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import './statistics.css'
import {
  defaultState,
  drillIntoPeriod,
  drillIntoPost,
  stateToSearch,
  VIEWS,
  withFilter,
} from './dashboard-state.ts'
import { ExportMenu } from './export-menu.tsx'
import { Figure } from './figure.tsx'
import { type FigureSpec, figureIndicator, figureQuery } from './figure-spec.ts'
import { FilterChips, Filters } from './filters.tsx'
import { IndicatorFigure } from './indicator-figure.tsx'
import { DASHBOARD_PATH, useDashboardState } from './use-dashboard-state.ts'
import { useCatalog } from './use-statistics.ts'
import { VIEW_FIGURES } from './views.ts'

/** National, post, return and protection dashboards over the statistics API. */
export function Dashboard() {
  const { t, formatNumber } = useI18n()
  const { session, can } = useSession()
  const postCode = session?.user.postCode ?? null
  // A post chief lands on their own post; everyone else on the national view.
  const defaults = useMemo(() => {
    const base = defaultState(new Date(), postCode ? 'post' : 'national')
    return postCode ? withFilter(base, 'post', [postCode]) : base
  }, [postCode])
  const [state, go] = useDashboardState(defaults)
  const catalog = useCatalog()

  const onDrill = (spec: Exclude<FigureSpec, { kind: 'indicator' }>, code: string) => {
    const drill = spec.kind === 'timeSeries' ? 'period' : 'drill' in spec ? spec.drill : undefined
    if (drill === 'period') go(drillIntoPeriod(state, code))
    else if (drill === 'postView') go(drillIntoPost(state, code))
    else if (drill) go(withFilter(state, drill, [code]))
  }

  // Each figure's table can be downloaded as it is on screen (disclosure-controlled and audited by the server).
  const exportFor = can('statistics:export')
    ? (query: StatisticsQuery) => (
        <details className="figure-export">
          <summary>{t('exports.menu.label')}</summary>
          <ExportMenu
            query={query}
            post={state.filters.post?.length === 1 ? state.filters.post[0] : undefined}
          />
        </details>
      )
    : undefined

  const posts = catalog.data?.dimensions.find((d) => d.id === 'post')?.values ?? []
  const needsPost = state.view === 'post' && !state.filters.post?.length
  const data = catalog.data
  // Figures whose measure or indicator this installation does not count are left out, not drawn empty.
  const figures = data
    ? VIEW_FIGURES[state.view].filter((spec) =>
        spec.kind === 'indicator'
          ? figureIndicator(spec, data) !== null
          : figureQuery(spec, data, state) !== null,
      )
    : []
  return (
    <>
      <div className="page-head">
        <h1>{t('dashboards.title')}</h1>
      </div>
      <nav className="dashboard-tabs" aria-label={t('dashboards.views.label')}>
        {VIEWS.map((v) => (
          <Link
            key={v}
            to={`${DASHBOARD_PATH}${stateToSearch({ ...state, view: v })}`}
            aria-current={state.view === v ? 'page' : undefined}
          >
            {t(`dashboards.views.${v}`)}
          </Link>
        ))}
      </nav>
      {catalog.error ? (
        <ErrorBanner error={catalog.error} />
      ) : !catalog.data ? (
        <Loading />
      ) : (
        <>
          <Filters catalog={catalog.data} state={state} onChange={go} />
          <FilterChips catalog={catalog.data} state={state} onChange={go} />
          {catalog.data.suppressionThreshold !== null && (
            <p className="hint">
              {t('dashboards.disclosure', { threshold: formatNumber(catalog.data.suppressionThreshold) })}
            </p>
          )}
          {needsPost ? (
            <EmptyState title={t('dashboards.choosePost')}>
              <SelectField
                label={t('statistics.dimensions.post')}
                value=""
                onChange={(e) => e.target.value && go(withFilter(state, 'post', [e.target.value]))}
              >
                <option value="">{t('dashboards.filters.all')}</option>
                {posts.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.label}
                  </option>
                ))}
              </SelectField>
            </EmptyState>
          ) : figures.length === 0 ? (
            <EmptyState title={t('dashboards.noFigures')} />
          ) : (
            <div className="figures">
              {figures.map((spec) =>
                spec.kind === 'indicator' ? (
                  <IndicatorFigure key={spec.label} spec={spec} catalog={catalog.data!} state={state} />
                ) : (
                  <Figure
                    key={spec.label}
                    spec={spec}
                    catalog={catalog.data!}
                    state={state}
                    onDrill={onDrill}
                    actions={exportFor}
                  />
                ),
              )}
            </div>
          )}
        </>
      )}
    </>
  )
}
