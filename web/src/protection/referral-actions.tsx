import { useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import type { Referral } from './types.ts'

/** What the receiving provider can do with one referral now: answer it, give assistance, complete it. */
export function ReferralActions({
  referral,
  onDone,
  onError,
}: {
  referral: Referral
  onDone(): void
  onError(e: unknown): void
}) {
  const { t } = useI18n()
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [service, setService] = useState(referral.services[0] ?? 'food')
  const [note, setNote] = useState('')
  const [key, setKey] = useState(newIdempotencyKey)
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
      onDone()
    } catch (err) {
      onError(err)
    }
  }
  const event = (body: Record<string, unknown>) =>
    run(() => api('POST', `/api/protection/referrals/${referral.id}/events`, { body }))
  const assist = () =>
    run(async () => {
      const body = { caseId: null, referralId: referral.id, service, note, providedAt: null }
      await api('POST', '/api/protection/assistance', { body, idempotencyKey: key })
      setKey(newIdempotencyKey())
      setNote('')
    })

  if (referral.state === 'pending')
    return (
      <div className="row-actions">
        <button type="button" className="primary" onClick={() => event({ type: 'accept' })}>
          {t('protection.referral.events.accept')}
        </button>
        {declining ? (
          <>
            <TextField
              label={t('cases.common.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <button type="button" onClick={() => event({ type: 'decline', reason })}>
              {t('protection.referral.events.decline')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setDeclining(true)}>
            {t('protection.referral.events.decline')}
          </button>
        )}
      </div>
    )
  if (referral.state !== 'accepted')
    return referral.caseId ? (
      <Link to={`/protection/case?id=${referral.caseId}`}>{t('cases.referrals.openCase')}</Link>
    ) : null
  return (
    <div className="row-actions">
      {referral.caseId && (
        <Link to={`/protection/case?id=${referral.caseId}`}>{t('cases.referrals.openCase')}</Link>
      )}
      <SelectField
        label={t('cases.assistance.service')}
        value={service}
        onChange={(e) => setService(e.target.value)}
      >
        {referral.services.map((s) => (
          <option key={s} value={s}>
            {t(`protection.services.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('cases.assistance.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="button" onClick={assist}>
        {t('cases.assistance.record')}
      </button>
      <button type="button" onClick={() => event({ type: 'complete' })}>
        {t('protection.referral.events.complete')}
      </button>
    </div>
  )
}

/** The referring side may withdraw a referral nobody has answered yet, with a reason. */
export function WithdrawReferral({
  id,
  onDone,
  onError,
}: {
  id: string
  onDone(): void
  onError(e: unknown): void
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const withdraw = async () => {
    try {
      await api('POST', `/api/protection/referrals/${id}/events`, { body: { type: 'withdraw', reason } })
      onDone()
    } catch (err) {
      onError(err)
    }
  }
  return open ? (
    <div className="row-actions">
      <TextField
        label={t('cases.common.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="button" onClick={withdraw}>
        {t('protection.referral.events.withdraw')}
      </button>
    </div>
  ) : (
    <button type="button" onClick={() => setOpen(true)}>
      {t('protection.referral.events.withdraw')}
    </button>
  )
}
