import { type Locale, translate } from '../../platform/i18n/catalog.ts'
import type { PrivacyRequest } from './export-protect.ts'
import type { StatisticsResult } from './statistics.contract.ts'

export interface ExportMetadata {
  generatedOn: string
  filters: Record<string, string[]>
  privacy: {
    mechanism: PrivacyRequest['mechanism']
    epsilon: number
    delta: number
    release: string
    remainingEpsilon: number
  } | null
}

/** The XLSX Notes sheet: what the table covers and how it was protected, in the reader's language. */
export function notes(
  locale: Locale,
  result: StatisticsResult,
  meta: ExportMetadata,
): [string, string | number][] {
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params)
  const filters = Object.entries(meta.filters).map(([d, v]) => `${d} = ${v.join(', ')}`)
  const rows: [string, string | number][] = [
    [t('exports.notes.measure'), t(`statistics.measures.${result.measure}`)],
    [t('exports.notes.period'), `${result.from} – ${result.to}`],
    [t('exports.notes.filters'), filters.join('; ') || '—'],
    [t('exports.notes.generatedOn'), meta.generatedOn],
    // Exports read the queued crossing changes with the rollups: exact as of this moment.
    ...(result.freshness ? [[t('exports.notes.asOf'), result.freshness.asOf] as [string, string]] : []),
    [
      t('exports.notes.threshold'),
      // A release with privacy noise is suppressed; every other export carries the cell-key perturbation.
      t(meta.privacy ? 'exports.notes.suppression' : 'exports.notes.perturbation', {
        max: (result.disclosure.threshold ?? 1) - 1,
      }),
    ],
    [t('exports.notes.suppressedCells'), result.disclosure.suppressedCells],
    [
      t('exports.notes.mechanism'),
      meta.privacy ? t(`statistics.mechanisms.${meta.privacy.mechanism}`) : t('exports.notes.none'),
    ],
  ]
  if (meta.privacy) {
    rows.push(
      [t('exports.notes.epsilon'), meta.privacy.epsilon],
      [t('exports.notes.delta'), meta.privacy.delta],
      [t('exports.notes.release'), meta.privacy.release],
      [t('exports.notes.budgetLeft'), meta.privacy.remainingEpsilon],
    )
  }
  rows.push([t('exports.notes.hxl'), ''])
  return rows
}
