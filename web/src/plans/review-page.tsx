import { useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { PlanSummary, ReportView } from './plans-api.ts'
import { ReportCard } from './report-card.tsx'
import './plans.css'

/** `/plans/review`: the secretariat's queue of submitted values, oldest change last. */
export function PlanReviewPage() {
  const { t } = useI18n()
  const plans = useFetch<PlanSummary[]>('/api/plans')
  const plan = plans.data?.[0]
  const queue = useFetch<ReportView[]>(plan ? `/api/plans/${plan.id}/reports?state=submitted` : null)
  // A reviewed value leaves the queue, so what became of it is said above the list.
  const [status, setStatus] = useState<string | null>(null)
  return (
    <div className="plans">
      <div className="page-head">
        <h1>{t('plans.reports.queue')}</h1>
      </div>
      {status && (
        <p className="banner banner-success" role="status">
          {status}
        </p>
      )}
      <ErrorBanner error={plans.error ?? queue.error} />
      {(plans.loading || queue.loading) && !queue.data && <Loading />}
      {queue.data?.length === 0 && <EmptyState title={t('plans.reports.none')} />}
      {queue.data?.map((r) => (
        <section className="card" key={r.id}>
          <ReportCard report={r} onChange={queue.reload} announce={setStatus} />
        </section>
      ))}
    </div>
  )
}
