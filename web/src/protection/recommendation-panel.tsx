import { useI18n } from '../i18n/i18n.tsx'

export interface Assessment {
  outcome: string
  vulnerabilities: string[]
  bestInterestsSteps: string[]
  suggestedServices: string[]
}

/** What the screening recommends for the answers so far; the officer decides, and says why. */
export function RecommendationPanel({
  assessment,
  onAssess,
}: {
  assessment: Assessment | null
  onAssess(): void
}) {
  const { t } = useI18n()
  return (
    <section className="card" aria-labelledby="recommendation">
      <h2 id="recommendation">{t('cases.refer.recommendation')}</h2>
      {assessment ? (
        <div role="status" data-testid="recommendation">
          <p>
            <strong>{t(`protection.screening.outcomes.${assessment.outcome}`)}</strong>
          </p>
          <p>{assessment.vulnerabilities.map((v) => t(`protection.vulnerability.${v}`)).join(' · ')}</p>
          <ul>
            {assessment.bestInterestsSteps.map((x) => (
              <li key={x}>{t(`protection.child.steps.${x}`)}</li>
            ))}
          </ul>
          <p>
            {t('cases.screen.suggested')}:{' '}
            {assessment.suggestedServices.map((x) => t(`protection.services.${x}`)).join(', ') || '—'}
          </p>
          <p className="hint">{t('protection.screening.hint')}</p>
        </div>
      ) : (
        <p className="hint">{t('cases.refer.recommendationHint')}</p>
      )}
      <button type="button" onClick={onAssess}>
        {t('cases.refer.assess')}
      </button>
    </section>
  )
}
