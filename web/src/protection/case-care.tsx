import { type FormEvent, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { DateField, SelectField, TextField } from '../ui/field.tsx'
import { ProtectionError } from './shared.tsx'
import { type CaseView, SERVICES } from './types.ts'

/** Services delivered and follow-up visits: the day-to-day record of a case, each a create with its own key. */
export function CaseCare({ c, onChanged }: { c: CaseView; onChanged(): void }) {
  const { t, formatDateTime } = useI18n()
  const [service, setService] = useState<string>('food')
  const [note, setNote] = useState('')
  const [due, setDue] = useState('')
  const [keys, setKeys] = useState({ assist: newIdempotencyKey(), follow: newIdempotencyKey() })
  const [error, setError] = useState<unknown>()
  const closed = c.state === 'closed'
  const run = async (fn: () => Promise<unknown>) => {
    setError(undefined)
    try {
      await fn()
      setKeys({ assist: newIdempotencyKey(), follow: newIdempotencyKey() })
      setNote('')
      setDue('')
      onChanged()
    } catch (err) {
      setError(err)
    }
  }
  const assist = (e: FormEvent) => {
    e.preventDefault()
    const body = { caseId: c.id, referralId: null, service, note, providedAt: null }
    run(() => api('POST', '/api/protection/assistance', { body, idempotencyKey: keys.assist }))
  }
  const schedule = (e: FormEvent) => {
    e.preventDefault()
    const body = { dueDate: due, note: '' }
    run(() => api('POST', `/api/protection/cases/${c.id}/follow-ups`, { body, idempotencyKey: keys.follow }))
  }
  const complete = (id: string) => {
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Phnom_Penh' })
    run(() =>
      api('POST', `/api/protection/cases/${c.id}/follow-ups/${id}/complete`, {
        body: { completedOn: today, note: '' },
      }),
    )
  }
  return (
    <section className="card" aria-labelledby="care">
      <h2 id="care">{t('cases.case.care')}</h2>
      <ProtectionError error={error} />
      <h3>{t('cases.assistance.title')}</h3>
      <ul>
        {c.assistance.map((a) => (
          <li key={a.id}>
            {t(`protection.services.${a.service}`)} — {formatDateTime(a.at)} · {a.by}
            {a.note && <span className="muted"> · {a.note}</span>}
          </li>
        ))}
      </ul>
      {!closed && (
        <form className="filters" onSubmit={assist}>
          <SelectField
            label={t('cases.assistance.service')}
            value={service}
            onChange={(e) => setService(e.target.value)}
          >
            {SERVICES.map((s) => (
              <option key={s} value={s}>
                {t(`protection.services.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('cases.assistance.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit">{t('cases.assistance.record')}</button>
        </form>
      )}
      <h3>{t('cases.followUps.title')}</h3>
      <ul>
        {c.followUps.map((f) => (
          <li key={f.id}>
            {f.dueDate} —{' '}
            <span className={f.status === 'overdue' ? 'field-error' : undefined}>
              {t(`protection.followUp.status.${f.status}`, { days: f.daysLate })}
            </span>
            {!f.completedOn && !closed && (
              <button type="button" onClick={() => complete(f.id)}>
                {t('cases.followUps.done')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!closed && (
        <form className="filters" onSubmit={schedule}>
          <DateField
            label={t('cases.followUps.dueDate')}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
          <button type="submit">{t('cases.followUps.schedule')}</button>
        </form>
      )}
    </section>
  )
}
