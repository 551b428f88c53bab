import { useI18n } from '../i18n/i18n.tsx'
import type { ExerciseScore } from './types.ts'

/** The score, then per document what was found, missed and wrongly reported, with each defect's teaching note. */
export function ScoreView({ score }: { score: ExerciseScore }) {
  const { t, formatNumber } = useI18n()
  return (
    <section className="card" data-testid="score">
      <p className="score-big">{t('training.web.score', { percent: score.percent })}</p>
      <p>
        {t('training.web.found')}: {formatNumber(score.found)} · {t('training.web.missed')}:{' '}
        {formatNumber(score.missed)} · {t('training.web.false_alarms')}: {formatNumber(score.falseAlarms)}
      </p>
      <h2>{t('training.web.feedback')}</h2>
      <ol>
        {score.items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the documents of a set are in a fixed order
          <li key={i}>
            {item.found.length + item.missed.length + item.falseAlarms.length === 0 && (
              <p>{t('training.web.clean_ok')}</p>
            )}
            {(['found', 'missed', 'falseAlarms'] as const).map((kind) =>
              item[kind].map((d) => (
                <p key={`${kind}-${d}`}>
                  <strong>
                    {t(kind === 'falseAlarms' ? 'training.web.false_alarms' : `training.web.${kind}`)}:{' '}
                    {t(`training.defect.${d}.name`)}
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
