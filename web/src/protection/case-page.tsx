import { CaseExchangeSection } from '../exchange/case-exchange.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { CaseActions } from './case-actions.tsx'
import { CaseCare } from './case-care.tsx'
import { CaseConsent } from './case-consent.tsx'
import { CaseDuplicates } from './case-duplicates.tsx'
import { CaseIdentify } from './case-identify.tsx'
import { CaseReferral } from './case-referral.tsx'
import { CaseTimeline } from './case-timeline.tsx'
import { ProtectionError, personName, useQueryParam } from './shared.tsx'
import type { CaseView } from './types.ts'

/** One case: who, where it stands in MoSVY's stages, what was found, what is planned, and what happened. */
export function CasePage() {
  const { t, formatDateTime } = useI18n()
  const id = useQueryParam('id')
  const c = useFetch<CaseView>(id ? `/api/protection/cases/${id}` : null)
  if (!id) return <EmptyState title={t('web.common.notFoundTitle')} />
  if (c.error) return <ProtectionError error={c.error} />
  if (!c.data) return <Loading />
  const v = c.data
  const idn = v.identification
  // Consent the border could not ask comes first: nothing is shared on the person's behalf until it is asked.
  const notAsked = ['services', 'sharing'].some((p) => (v.consents.status[p] ?? 'notAsked') === 'notAsked')
  const consent = <CaseConsent c={v} onChanged={() => c.reload()} />
  return (
    <>
      <div className="page-head">
        <h1>
          {t('cases.case.title', { number: v.number })} <span translate="no">{personName(v.person)}</span>
        </h1>
      </div>
      {v.state !== 'closed' && (notAsked || !idn) && (
        <div className="banner banner-error" role="status" data-testid="case-todo">
          {notAsked && <p>{t('cases.identify.consentFirst')}</p>}
          {!idn && <p>{t('cases.identify.pending')}</p>}
        </div>
      )}
      {notAsked && consent}
      <section className="card" aria-labelledby="summary">
        <h2 id="summary">{t('cases.case.summary')}</h2>
        <dl className="facts">
          <dt>{t('web.common.status')}</dt>
          <dd data-testid="case-state">{t(`protection.case.states.${v.state}`)}</dd>
          <dt>{t('cases.case.stage')}</dt>
          <dd>{t(`protection.case.stages.${v.stage}`)}</dd>
          <dt>{t('cases.case.worker')}</dt>
          <dd>{v.caseWorker?.name ?? t('cases.case.unassigned')}</dd>
          <dt>{t('web.users.agency')}</dt>
          <dd>{v.agencyCode}</dd>
          {v.pendingRequest && (
            <>
              <dt>{t('cases.case.pendingTitle')}</dt>
              <dd>
                {t('cases.case.pending', { request: t(`protection.case.requests.${v.pendingRequest.kind}`) })}{' '}
                — {v.pendingRequest.requestedBy}, {formatDateTime(v.pendingRequest.at)}
                {v.pendingRequest.kind === 'closure' &&
                  ` · ${t(`protection.case.closureReasons.${v.pendingRequest.reason}`)}`}
              </dd>
            </>
          )}
          {v.plan && (
            <>
              <dt>{t('cases.case.plan')}</dt>
              <dd>
                <ul>
                  {v.plan.goals.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
                {v.plan.approvedBy
                  ? t('cases.case.planApproved', { name: v.plan.approvedBy })
                  : t('cases.case.planNotApproved')}
              </dd>
            </>
          )}
          {v.closure && (
            <>
              <dt>{t('cases.case.closure')}</dt>
              <dd>
                {t(`protection.case.closureReasons.${v.closure.reason}`)} — {v.closure.approvedBy}
              </dd>
            </>
          )}
        </dl>
      </section>
      {!idn && v.state !== 'closed' && <CaseIdentify c={v} onChanged={() => c.reload()} />}
      {idn && (
        <section className="card" aria-labelledby="identification">
          <h2 id="identification">{t('cases.case.identification')}</h2>
          <p>
            <strong>{t(`protection.screening.outcomes.${idn.outcome}`)}</strong> —{' '}
            {formatDateTime(idn.screenedAt)}
          </p>
          {idn.vulnerabilities.length > 0 && (
            <p>{idn.vulnerabilities.map((x) => t(`protection.vulnerability.${x}`)).join(' · ')}</p>
          )}
          {idn.childStatus && <p>{t(`protection.child.status.${idn.childStatus}`)}</p>}
          <ul>
            {idn.bestInterestsSteps.map((s) => (
              <li key={s}>{t(`protection.child.steps.${s}`)}</li>
            ))}
          </ul>
        </section>
      )}
      {v.person && <CaseDuplicates personId={v.person.id} onChanged={() => c.reload()} />}
      <CaseActions c={v} onChanged={() => c.reload()} />
      <CaseCare c={v} onChanged={() => c.reload()} />
      {!notAsked && consent}
      <CaseReferral c={v} onChanged={() => c.reload()} />
      <CaseExchangeSection caseId={v.id} open={v.state !== 'closed'} />
      <CaseTimeline entries={v.timeline} />
    </>
  )
}
