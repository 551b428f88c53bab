import { useCallback, useMemo } from 'react'
import type { IndicatorResult } from '../../../src/app/statistics/statistics.contract.ts'
import { toLocaleDigits } from '../i18n/format.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { Formats } from './chart-options.ts'
import { type PeriodWords, periodLabel } from './period-label.ts'

export type Unit = IndicatorResult['unit']

/**
 * Figures in the reader's language and digits. A withheld figure reads "small (under 10 once perturbed)" when it was too
 * small itself, and "withheld" when it was hidden to protect another cell (it may be of any size).
 * Memoised so charts are redrawn only when the language or the threshold changes.
 */
export function useFormats(threshold: number | null, unit: Unit = 'count'): Formats {
  const { t, formatNumber } = useI18n()
  return useMemo<Formats>(
    () => ({
      number: formatNumber,
      short: (point) =>
        point.status === 'primary' && threshold !== null
          ? t('dashboards.withheld.shortSmall', { threshold: formatNumber(threshold) })
          : t('dashboards.withheld.short'),
      point: (point) => {
        if (point.value === null) {
          return point.status === 'primary' && threshold !== null
            ? t('dashboards.withheld.small', { threshold: formatNumber(threshold) })
            : t('dashboards.withheld.protecting')
        }
        const rounded = Math.round(point.value * 10) / 10
        if (unit === 'percent') return t('dashboards.units.percent', { value: formatNumber(rounded) })
        if (unit === 'days') return t('dashboards.units.days', { value: formatNumber(rounded) })
        return formatNumber(rounded)
      },
    }),
    [t, formatNumber, threshold, unit],
  )
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `dashboards.months.m${i + 1}`)

/**
 * Month names and ungrouped digits (years, days) in the reader's language. Digits through the app's own mapping, not
 * `Intl`: Debian's Chromium resolves `km-KH` without its Khmer numbering system and printed Latin digits.
 */
export function usePeriodWords(): PeriodWords {
  const { t, locale } = useI18n()
  return useMemo(
    () => ({ months: MONTHS.map((key) => t(key)), digits: (n: number) => toLocaleDigits(String(n), locale) }),
    [t, locale],
  )
}

/** A period key as the reader says it (`2026-Q1` → "២០២៦-Q១"), for screens that only label periods. */
export function usePeriodLabel(): (key: string) => string {
  const words = usePeriodWords()
  return useCallback((key: string) => periodLabel(key, words), [words])
}
