import { useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { Link, navigate } from '../shell/router.tsx'
import { EmptyState, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { RiskError } from './risk-shared.tsx'
import type { RuleSetDetail, RuleSetSummary } from './types.ts'
import './risk.css'

/** Every version of the risk rules, newest first, and the way to start a new draft from the active one. */
export function RuleSetsPage() {
  const { t, formatDateTime } = useI18n()
  const { can } = useSession()
  const list = useFetch<{ items: RuleSetSummary[] }>('/api/risk/rule-sets')
  const [error, setError] = useState<unknown>()
  const [key] = useState(newIdempotencyKey)
  const active = list.data?.items.find((v) => v.status === 'active')

  const startDraft = async () => {
    if (!active) return
    setError(undefined)
    try {
      const draft = await api<RuleSetDetail>('POST', '/api/risk/rule-sets', {
        body: { fromId: active.id },
        idempotencyKey: key,
      })
      navigate(`/risk/rule-set?id=${draft.id}`)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('risk-web.nav.rules')}</h1>
        {can('rule_set:create') && active && (
          <button type="button" className="primary" onClick={startDraft}>
            {t('risk-web.ruleSets.newDraft')}
          </button>
        )}
      </div>
      <p className="hint">{t('risk-web.ruleSets.intro')}</p>
      <RiskError error={error ?? list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.data?.items.length === 0 ? (
        <EmptyState title={t('risk-web.ruleSets.empty')} />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('risk-web.ruleSets.version')}</th>
              <th scope="col">{t('risk-web.ruleSets.name')}</th>
              <th scope="col">{t('web.common.status')}</th>
              <th scope="col">{t('risk-web.ruleSets.authors')}</th>
              <th scope="col">{t('risk-web.ruleSets.reviewedBy')}</th>
              <th scope="col">{t('risk-web.ruleSets.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((v) => (
              <tr key={v.id}>
                <td>
                  <Link to={`/risk/rule-set?id=${v.id}`}>
                    <code>{v.versionId}</code>
                  </Link>
                </td>
                <td translate="no">{v.name}</td>
                <td>
                  <StatusBadge status={v.status} />
                  {v.status === 'draft' && v.submitted && (
                    <div className="muted">{t('risk-web.ruleSets.submitted')}</div>
                  )}
                </td>
                <td translate="no">{v.authors.join(', ')}</td>
                <td translate="no">{v.reviewedBy ?? '—'}</td>
                <td>{formatDateTime(v.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n()
  return <span className={`status status-${status}`}>{t(`risk.lifecycle.states.${status}`)}</span>
}
