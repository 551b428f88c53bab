import { useI18n } from '../i18n/i18n.tsx'
import type { ExerciseScore, ItemScore } from './types.ts'

const KINDS = ['found', 'foundLate', 'missed', 'falseAlarms'] as const
const LABEL: Record<(typeof KINDS)[number], string> = {
  found: 'training.web.found',
  foundLate: 'training.web.found_late',
  missed: 'training.web.missed',
  falseAlarms: 'training.web.false_alarms',
}

/** The time a document took on the server's clock against the set's pace, and whether it was late. */
export function ItemTime({ item }: { item: ItemScore }) {
  const { t } = useI18n()
  if (item.limitSeconds == null) return null
  return (
    <span>
      {item.seconds == null
        ? t('training.web.not_examined')
        : t('training.web.time_spent', { seconds: item.seconds, limit: item.limitSeconds })}
      {item.late && <span className="late-mark"> · {t('training.web.late')}</span>}
    </span>
  )
}

/**
 * The score, then per document the time it took and what was found (in time or too late), missed and wrongly
 * reported, with each defect's teaching note.
 */
export function ScoreView({ score }: { score: ExerciseScore }) {
  const { t, formatNumber } = useI18n()
  return (
    <section className="card" data-testid="score">
      <p className="score-big">{t('training.web.score', { percent: score.percent })}</p>
      <p>
        {t('training.web.found')}: {formatNumber(score.found)} · {t('training.web.found_late')}:{' '}
        {formatNumber(score.foundLate ?? 0)} · {t('training.web.missed')}: {formatNumber(score.missed)} ·{' '}
        {t('training.web.false_alarms')}: {formatNumber(score.falseAlarms)} ·{' '}
        {t('training.web.late_documents')}: {formatNumber(score.late ?? 0)}
      </p>
      <h2>{t('training.web.feedback')}</h2>
      <ol>
        {score.items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the documents of a set are in a fixed order
          <li key={i}>
            <p className="muted">
              <ItemTime item={item} />
            </p>
            {KINDS.every((k) => (item[k] ?? []).length === 0) && <p>{t('training.web.clean_ok')}</p>}
            {KINDS.map((kind) =>
              (item[kind] ?? []).map((d) => (
                <p key={`${kind}-${d}`}>
                  <strong>
                    {t(LABEL[kind])}: {t(`training.defect.${d}.name`)}
                  </strong>{' '}
                  {kind !== 'falseAlarms' && t(`training.defect.${d}.note`)}
                </p>
              )),
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
