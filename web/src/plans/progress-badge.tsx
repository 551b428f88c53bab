import { useI18n } from '../i18n/i18n.tsx'
import type { PeriodFigure, Progress } from './plans-api.ts'

/** A status in words and colour (the words carry it; the colour only repeats it). */
export function ProgressBadge({ progress }: { progress: Progress }) {
  const { t } = useI18n()
  return <span className={`plan-badge plan-${progress}`}>{t(`plans.progress.${progress}`)}</span>
}

/** A figure as shown in a cell: the number, or why there is none ("no data" is never written as 0). */
export function FigureText({ figure, unit }: { figure: PeriodFigure; unit: string }) {
  const { t, formatNumber } = useI18n()
  if (figure.value === null) return <span className="plan-missing">{t(`plans.figure.${figure.status}`)}</span>
  return (
    <span>
      {formatNumber(figure.value)}
      {unit === 'percent' ? ' %' : ''}
    </span>
  )
}
