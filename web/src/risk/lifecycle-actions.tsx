import { useState } from 'react'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { RiskError } from './risk-shared.tsx'
import type { RuleSetDetail } from './types.ts'

type Step = 'submit' | 'review' | 'return' | 'activate' | 'retire'

/**
 * The lifecycle buttons a version offers in its state: draft → submitted → reviewed → active → retired. The server
 * decides (no activation without review and impact check, no approval by an author); the screen says why in advance.
 */
export function LifecycleActions({ version: v, onChanged }: { version: RuleSetDetail; onChanged(): void }) {
  const { t } = useI18n()
  const { can, session } = useSession()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const isAuthor = v.authors.includes(session!.user.username)

  const run = async (step: Step) => {
    setError(undefined)
    setBusy(true)
    try {
      await api('POST', `/api/risk/rule-sets/${v.id}/${step}`)
      onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const steps: Step[] = []
  if (v.status === 'draft' && can('rule_set:update') && !v.submitted) steps.push('submit')
  if (v.status === 'draft' && can('rule_set:approve') && v.submitted) steps.push('review')
  if (v.status === 'reviewed' && can('rule_set:approve')) steps.push('activate', 'return')
  if (v.status === 'active' && can('rule_set:approve')) steps.push('retire')
  const approving = steps.some((s) => s === 'review' || s === 'activate')

  return (
    <>
      {v.status === 'draft' && v.submitted && <p>{t('risk-web.lifecycle.awaitingReview')}</p>}
      {approving && isAuthor && <p className="hint">{t('risk-web.lifecycle.authorCannotApprove')}</p>}
      {v.status === 'reviewed' && !v.impactChecked && (
        <p className="hint">{t('risk-web.lifecycle.impactFirst')}</p>
      )}
      {steps.length > 0 && (
        <div className="actions">
          {steps.map((s) => (
            <button
              key={s}
              type="button"
              className={s === 'activate' || s === 'review' ? 'primary' : undefined}
              disabled={busy}
              onClick={() => run(s)}
            >
              {t(`risk-web.lifecycle.${s}`)}
            </button>
          ))}
        </div>
      )}
      <RiskError error={error} />
    </>
  )
}
