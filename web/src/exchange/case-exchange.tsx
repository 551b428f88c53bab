import { useSession } from '../auth/session.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { CaseExchangeCard } from './case-exchange-card.tsx'
import { CaseExchangeTimeline } from './case-exchange-timeline.tsx'
import type { CaseExchange } from './web-types.ts'

/** The case's part in the exchange with partners: what was exchanged, and a referral or repatriation request. */
export function CaseExchangeSection({ caseId, open }: { caseId: string; open: boolean }) {
  const { can } = useSession()
  const allowed = can('exchange_message:read')
  const timeline = useFetch<CaseExchange>(allowed ? `/api/protection/cases/${caseId}/exchange` : null)
  if (!allowed) return null
  return (
    <>
      {open && can('exchange_message:create') && (
        <CaseExchangeCard caseId={caseId} onSent={timeline.reload} />
      )}
      <CaseExchangeTimeline data={timeline.data} error={timeline.error} />
    </>
  )
}
