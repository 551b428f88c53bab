import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ArrivalsCard } from './arrivals-card.tsx'
import { ComposeCard } from './compose-card.tsx'
import { CountsCard } from './counts-card.tsx'
import { FollowUpsCard } from './follow-ups.tsx'
import { MessagesCard } from './messages-card.tsx'
import { VerificationCard } from './verification-lists.tsx'

/** The agency's exchange with partners: expected arrivals, a referral to a partner, inbox and outbox. */
export function ExchangePage() {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <main>
      <h1>{t('exchange.title')}</h1>
      {can('exchange_arrival:read') && <ArrivalsCard />}
      {can('exchange_message:create') && can('exchange_agreement:read') && <ComposeCard />}
      {can('exchange_message:read') && <MessagesCard direction="in" />}
      {can('exchange_message:read') && <MessagesCard direction="out" />}
      {can('exchange_message:create') && <VerificationCard />}
      {can('exchange_message:create') && <FollowUpsCard />}
      {can('exchange_agreement:read') && <CountsCard />}
    </main>
  )
}
