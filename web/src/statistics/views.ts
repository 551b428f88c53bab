import type { ViewId } from './dashboard-state.ts'
import type { FigureSpec } from './figure-spec.ts'

// Measure ids of the statistics catalog (MEASURES); a figure whose measure or dimensions the catalog lacks is left out.
const CROSSINGS = ['travellers']
const RETURNEES = ['returnees']
const VICTIMS = ['victims']

const crossingFigures = (byPost: boolean): FigureSpec[] => [
  {
    kind: 'timeSeries',
    label: 'dashboards.figures.crossingsOverTime',
    measure: CROSSINGS,
    series: 'direction',
  },
  ...(byPost
    ? [
        {
          kind: 'bars',
          label: 'dashboards.figures.crossingsByPost',
          measure: CROSSINGS,
          category: 'post',
          series: 'direction',
          stacked: true,
          horizontal: true,
          drill: 'postView',
        } as const,
      ]
    : []),
  {
    kind: 'bars',
    label: 'dashboards.figures.nationalityBySex',
    measure: CROSSINGS,
    category: 'nationality',
    series: 'sex',
    horizontal: true,
    top: 15,
    drill: 'nationality',
  },
  {
    kind: 'bars',
    label: 'dashboards.figures.purposes',
    measure: CROSSINGS,
    category: 'travelPurpose',
    horizontal: true,
    drill: 'travelPurpose',
  },
  {
    kind: 'bars',
    label: 'dashboards.figures.refusalsByReason',
    measure: ['refusals'],
    category: 'refusalReason',
    horizontal: true,
    drill: 'refusalReason',
  },
  ...(byPost
    ? [
        {
          kind: 'indicator',
          label: 'dashboards.figures.hitsConfirmed',
          indicator: 'hits-confirmed-by-list',
        } as const,
        {
          kind: 'indicator',
          label: 'dashboards.figures.riskConfirmed',
          indicator: 'risk-confirmed-by-indicator',
        } as const,
      ]
    : []),
]

/** What each dashboard shows, top to bottom. */
export const VIEW_FIGURES: Record<ViewId, FigureSpec[]> = {
  national: crossingFigures(true),
  post: crossingFigures(false),
  returns: [
    { kind: 'timeSeries', label: 'dashboards.figures.returneesOverTime', measure: RETURNEES, series: 'sex' },
    {
      kind: 'map',
      label: 'dashboards.figures.returneesByProvince',
      measure: RETURNEES,
      category: 'provinceOfReturn',
      drill: 'provinceOfReturn',
    },
    { kind: 'pyramid', label: 'dashboards.figures.returneesPyramid', measure: RETURNEES },
    {
      kind: 'bars',
      label: 'dashboards.figures.triageFlags',
      measure: RETURNEES,
      category: 'vulnerabilityType',
      horizontal: true,
    },
  ],
  protection: [
    {
      kind: 'bars',
      label: 'dashboards.figures.victimsByExploitation',
      measure: VICTIMS,
      category: 'exploitationForm',
      series: 'sex',
      horizontal: true,
      drill: 'exploitationForm',
    },
    { kind: 'pyramid', label: 'dashboards.figures.victimsPyramid', measure: VICTIMS },
    { kind: 'indicator', label: 'dashboards.figures.sdg1622', indicator: 'sdg-16-2-2' },
    {
      kind: 'indicator',
      label: 'dashboards.figures.referralCompletion',
      indicator: 'referral-completion-rate',
    },
    {
      kind: 'indicator',
      label: 'dashboards.figures.timeToAssistance',
      indicator: 'identification-to-assistance',
    },
  ],
}
