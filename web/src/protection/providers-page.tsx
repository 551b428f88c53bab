import { useState } from 'react'
import type { Agency } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { ProviderForm } from './provider-form.tsx'
import { ProtectionError, providerLabel } from './shared.tsx'
import type { Provider } from './types.ts'

/** Service providers, their services and free shelter beds; administrators and case managers keep them current. */
export function ProvidersPage() {
  const { t, locale, formatNumber } = useI18n()
  const { can, session } = useSession()
  // A grant narrowed to the user's agency: only its own providers are theirs to edit (the server checks too).
  const mayEdit = (p: Provider) =>
    can('provider:update') &&
    (session?.user.scope === 'national' || p.agencyCode === session?.user.agencyCode)
  const providers = useFetch<Provider[]>('/api/protection/providers')
  const agencies = useFetch<Agency[]>('/api/agencies')
  const [editing, setEditing] = useState<Provider | 'new' | null>(null)
  const done = () => {
    setEditing(null)
    providers.reload()
  }
  return (
    <>
      <div className="page-head">
        <h1>{t('cases.nav.providers')}</h1>
        {can('provider:create') && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('cases.providers.add')}
          </button>
        )}
      </div>
      {editing !== null && (
        <ProviderForm
          provider={editing === 'new' ? null : editing}
          agencies={agencies.data ?? []}
          onDone={done}
        />
      )}
      <ProtectionError error={providers.error} />
      {!providers.data ? (
        <Loading />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('cases.refer.provider')}</th>
              <th scope="col">{t('web.users.agency')}</th>
              <th scope="col">{t('cases.refer.services')}</th>
              <th scope="col">{t('cases.providers.beds')}</th>
              <th scope="col">{t('web.common.status')}</th>
              {can('provider:update') && <th scope="col">{t('web.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {providers.data.map((p) => (
              <tr key={p.id}>
                <td>
                  {providerLabel(p, locale)}
                  {p.location && (
                    <div className="muted" translate="no">
                      {p.location}
                    </div>
                  )}
                </td>
                <td>{p.agencyCode}</td>
                <td>{p.services.map((s) => t(`protection.services.${s}`)).join(', ')}</td>
                <td>
                  {p.shelterBeds === null
                    ? '—'
                    : t('cases.providers.bedsOf', {
                        free: formatNumber(p.freeBeds ?? 0),
                        total: formatNumber(p.shelterBeds),
                      })}
                </td>
                <td>{p.active ? t('web.common.active') : t('web.common.inactive')}</td>
                {can('provider:update') && (
                  <td>
                    {mayEdit(p) && (
                      <button type="button" onClick={() => setEditing(p)}>
                        {t('web.common.edit')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
