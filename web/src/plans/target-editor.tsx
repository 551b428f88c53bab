import { type FormEvent, useState } from 'react'
import { ApiError } from '../api/client.ts'
import { toLatinDigits, toLocaleDigits } from '../i18n/format.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { type IndicatorProgress, setTarget } from './plans-api.ts'

/**
 * An indicator's yearly targets, one box per plan year (administrators and NCCT planners). Only the years
 * changed are sent, one `PUT` each (setting a target again replaces it, so a retry after a lost answer changes
 * nothing more); the first refusal stops the rest and is shown under its year's box and in the banner. Numbers
 * are typed in either script: Khmer digits are read as the same number.
 */
export function TargetEditor(p: {
  indicator: Pick<IndicatorProgress, 'id' | 'unit' | 'targets'>
  startYear: number
  endYear: number
  onDone: () => void
}) {
  const { t, locale } = useI18n()
  const years = Array.from({ length: p.endYear - p.startYear + 1 }, (_, i) => p.startYear + i)
  const current = new Map(p.indicator.targets.map((x) => [x.year, String(x.value)]))
  const [values, setValues] = useState<Record<number, string>>(() =>
    Object.fromEntries(years.map((y) => [y, current.get(y) ?? ''])),
  )
  const [failed, setFailed] = useState<{ year: number; error?: unknown; message?: string } | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const save = async (e: FormEvent) => {
    e.preventDefault()
    setFailed(null)
    setStatus(null)
    const changed = years.filter((y) => (values[y] ?? '').trim() !== '' && values[y] !== current.get(y))
    for (const year of changed) {
      const value = readNumber(values[year] ?? '')
      // Not a number is said here, under its box, before anything is sent.
      if (Number.isNaN(value)) {
        setFailed({ year, message: t('plans.errors.targetNotFinite') })
        return
      }
      try {
        await setTarget(p.indicator.id, year, value)
      } catch (error) {
        setFailed({ year, error })
        return
      }
    }
    setStatus(t('plans.targets.saved', { count: changed.length }))
    p.onDone()
  }
  const fieldError = (year: number) => {
    if (failed?.year !== year) return undefined
    if (failed.message) return failed.message
    return failed.error instanceof ApiError
      ? (failed.error.details[0]?.message ?? failed.error.message)
      : undefined
  }
  return (
    <form className="plan-target-form" onSubmit={save} aria-labelledby="plan-targets-title">
      <h3 id="plan-targets-title">{t('plans.targets.title')}</h3>
      <p className="hint">{t('plans.targets.hint', { unit: t(`plans.units.${p.indicator.unit}`) })}</p>
      <div className="plan-target-years">
        {years.map((year) => (
          <TextField
            key={year}
            label={t('plans.targets.year', { year: toLocaleDigits(String(year), locale) })}
            inputMode="decimal"
            value={values[year] ?? ''}
            error={fieldError(year)}
            onChange={(e) => setValues({ ...values, [year]: e.target.value })}
          />
        ))}
      </div>
      <button type="submit">{t('plans.targets.save')}</button>
      {status && (
        <p className="banner banner-success" role="status">
          {status}
        </p>
      )}
      <ErrorBanner error={failed?.error} />
    </form>
  )
}

/** Khmer digits read as Latin ones; anything else that is not a plain decimal number is NaN. */
function readNumber(text: string): number {
  const latin = toLatinDigits(text.trim())
  return /^-?\d+(\.\d+)?$/.test(latin) ? Number(latin) : Number.NaN
}
