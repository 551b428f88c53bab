import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { AuthoritiesCard } from './authorities.tsx'
import { CountsCard } from './counts-card.tsx'
import { XroadCard } from './xroad-clients.tsx'

/** The exchange's set-up and figures: GCM 23 counts for readers of agreements; authorities and CamDX for administrators. */
export function ExchangeAdminPage() {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <main>
      <h1>{t('exchange-admin.nav.admin')}</h1>
      <CountsCard />
      {can('exchange_agreement:update') && <AuthoritiesCard />}
      {can('exchange_agreement:update') && <XroadCard />}
    </main>
  )
}
