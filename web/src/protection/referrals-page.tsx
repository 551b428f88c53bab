import { useState } from 'react'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { ReferralActions, WithdrawReferral } from './referral-actions.tsx'
import { ProtectionError, personName, providerLabel } from './shared.tsx'
import type { Referral, ReferralStatus } from './types.ts'

const STATES = ['pending', 'accepted', 'declined', 'completed', 'withdrawn'] as const

/**
 * Providers' inbox of incoming referrals, and the list of referrals sent. Border roles get only the sent
 * list, with status and no content — the server decides, this page only shows what it is given.
 */
export function ReferralsPage() {
  const { t, locale, formatDateTime } = useI18n()
  const { can } = useSession()
  const provider = can('referral:update')
  const [box, setBox] = useState<'incoming' | 'outgoing'>(provider ? 'incoming' : 'outgoing')
  const [state, setState] = useState('')
  const [error, setError] = useState<unknown>()
  const list = useFetch<{ items: (Referral | ReferralStatus)[]; content: boolean }>(
    `/api/protection/referrals?box=${box}${state ? `&state=${state}` : ''}`,
  )
  const done = () => {
    setError(undefined)
    list.reload()
  }
  return (
    <>
      <h1>{t('cases.nav.referrals')}</h1>
      <search className="filters">
        {provider && (
          <SelectField
            label={t('cases.referrals.box')}
            value={box}
            onChange={(e) => setBox(e.target.value as typeof box)}
          >
            <option value="incoming">{t('cases.referrals.incoming')}</option>
            <option value="outgoing">{t('cases.referrals.outgoing')}</option>
          </SelectField>
        )}
        <SelectField label={t('web.common.status')} value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">{t('web.common.all')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`protection.referral.states.${s}`)}
            </option>
          ))}
        </SelectField>
      </search>
      {!list.data?.content && <p className="hint">{t('cases.referrals.statusOnly')}</p>}
      <ProtectionError error={error ?? list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.data?.items.length === 0 ? (
        <EmptyState title={t('cases.referrals.empty')} />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('cases.referrals.sentAt')}</th>
              {list.data?.content && <th scope="col">{t('cases.person.name')}</th>}
              <th scope="col">{t('cases.refer.provider')}</th>
              {list.data?.content && <th scope="col">{t('cases.refer.services')}</th>}
              <th scope="col">{t('web.common.status')}</th>
              {(box === 'outgoing' || list.data?.content) && <th scope="col">{t('web.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                {'person' in r && <td translate="no">{personName(r.person)}</td>}
                <td>{providerLabel(r.provider, locale)}</td>
                {'services' in r && (
                  <td>{r.services.map((s) => t(`protection.services.${s}`)).join(', ')}</td>
                )}
                <td>
                  {t(`protection.referral.states.${r.state}`)}
                  {/* What the border left to the social worker comes first in the receiving agency's eyes. */}
                  {'basis' in r && r.basis === 'consentPending' && r.state === 'pending' && (
                    <div className="badge">{t('cases.referrals.consentNotAsked')}</div>
                  )}
                  {'identificationPending' in r && r.identificationPending && r.state === 'pending' && (
                    <div className="badge">{t('cases.referrals.identificationPending')}</div>
                  )}
                </td>
                {'person' in r && box === 'incoming' && (
                  <td>
                    <ReferralActions referral={r} onDone={done} onError={setError} />
                  </td>
                )}
                {box === 'outgoing' && (
                  <td>
                    {r.state === 'pending' && <WithdrawReferral id={r.id} onDone={done} onError={setError} />}
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
