import { useI18n } from '../i18n/i18n.tsx'
import { CODE_HOLE, WithCode } from '../ui/with-code.tsx'
import type { EvaluationView } from './types.ts'

/** The advice: score, suggested action and each triggered indicator with its plain-language reason. */
export function EvaluationResult({ evaluation: e }: { evaluation: EvaluationView }) {
  const { t, locale, formatNumber } = useI18n()
  return (
    <section className="card" aria-labelledby="result" data-testid="evaluation-result">
      <h2 id="result">{t('risk-web.evaluate.result')}</h2>
      <p className="banner" role="note">
        {t('risk.evaluation.advisory')}
      </p>
      <p className="score">{t('risk.evaluation.score', { score: formatNumber(e.score) })}</p>
      <p>
        {t('risk-web.evaluate.suggested')} <strong>{t(`risk.actions.${e.suggestedAction}`)}</strong>
      </p>
      {e.hits.length === 0 ? (
        <p>{t('risk.evaluation.none')}</p>
      ) : (
        <ul className="hits">
          {e.hits.map((h) => (
            <li key={h.indicatorId}>
              <strong>{h.text.name[locale]}</strong> — {t(`risk.categories.${h.category}`)} ·{' '}
              {t(`risk.actions.${h.action}`)}
              <div>{h.text.reason[locale]}</div>
            </li>
          ))}
        </ul>
      )}
      {e.undetermined.length > 0 && (
        <p className="hint">
          {t('risk.evaluation.undetermined', { count: formatNumber(e.undetermined.length) })}
        </p>
      )}
      <p className="muted">
        <WithCode text={t('risk.evaluation.version', { version: CODE_HOLE })} code={e.versionId} />
      </p>
    </section>
  )
}
