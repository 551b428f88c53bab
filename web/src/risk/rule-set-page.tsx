import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { fieldDomains } from './condition-text.tsx'
import { ImpactSection } from './impact-section.tsx'
import { IndicatorCard } from './indicator-card.tsx'
import { LifecycleActions } from './lifecycle-actions.tsx'
import { RiskError, useSearchParam } from './risk-shared.tsx'
import { StatusBadge } from './rule-sets-page.tsx'
import type { FieldInfo, RuleSetDetail } from './types.ts'
import './risk.css'

/** One version: who wrote and approved it, its indicators (editable while a draft), impact check and history. */
export function RuleSetPage() {
  const { t, formatDateTime, formatNumber } = useI18n()
  const { can } = useSession()
  const id = useSearchParam('id')
  const version = useFetch<RuleSetDetail>(id ? `/api/risk/rule-sets/${id}` : null)
  const fields = useFetch<{ fields: FieldInfo[]; items: Record<string, FieldInfo[]> }>('/api/risk/fields')
  const v = version.data
  if (!v) return version.error ? <RiskError error={version.error} /> : <Loading />
  const domains = fieldDomains(fields.data)
  const editable = v.status === 'draft' && can('rule_set:update')

  return (
    <>
      <p>
        <Link to="/risk/rule-sets">{t('risk-web.ruleSets.back')}</Link>
      </p>
      <div className="page-head">
        {/* The name and version are the analysts' identifiers for the set, kept as they wrote them. */}
        <h1 translate="no">
          {v.name} · {v.versionId}
        </h1>
        <StatusBadge status={v.status} />
      </div>
      <section className="card" aria-labelledby="facts">
        <h2 id="facts">{t('risk-web.ruleSet.facts')}</h2>
        <dl className="facts">
          <dt>{t('risk-web.ruleSets.authors')}</dt>
          <dd translate="no">{v.authors.join(', ')}</dd>
          <dt>{t('risk-web.ruleSets.reviewedBy')}</dt>
          <dd translate="no">{v.reviewedBy ?? '—'}</dd>
          <dt>{t('risk-web.ruleSet.activatedBy')}</dt>
          <dd>
            {v.activatedBy ? (
              <>
                <span translate="no">{v.activatedBy}</span> · {formatDateTime(v.activatedAt!)}
              </>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('risk-web.ruleSet.indicators')}</dt>
          <dd>{formatNumber(v.catalogue.length)}</dd>
          <dt>{t('risk-web.ruleSet.escalation')}</dt>
          <dd>
            {v.ruleSet.escalation
              .map((e) =>
                t('risk-web.ruleSet.escalationStep', {
                  score: e.minScore,
                  action: t(`risk.actions.${e.action}`),
                }),
              )
              .join(' · ') || '—'}
          </dd>
        </dl>
        <LifecycleActions version={v} onChanged={version.reload} />
      </section>
      {v.warnings.length > 0 && (
        <div className="banner" role="note">
          <ul>
            {v.warnings.map((w) => (
              <li key={`${w.path}-${w.code}`}>{t(w.code, w.params)}</li>
            ))}
          </ul>
        </div>
      )}
      <ImpactSection version={v} onChanged={version.reload} />
      <section className="card" aria-labelledby="indicators">
        <h2 id="indicators">{t('risk-web.ruleSet.indicators')}</h2>
        {editable && <p className="hint">{t('risk-web.editor.hint')}</p>}
        {v.catalogue.map((entry, index) => (
          <IndicatorCard
            key={entry.id}
            entry={entry}
            index={index}
            version={v}
            domains={domains}
            editable={editable}
            onSaved={version.reload}
          />
        ))}
      </section>
      <section className="card" aria-labelledby="history">
        <h2 id="history">{t('risk-web.ruleSet.history')}</h2>
        <ol>
          {v.history.map((h) => (
            <li key={`${h.at}-${h.action}`}>
              {formatDateTime(h.at)} — {t(`risk-web.history.${h.action}`)} ·{' '}
              <span translate="no">{h.actor}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
