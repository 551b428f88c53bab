import { type FormEvent, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { Message } from './types.ts'

const RESULTS = ['verified', 'not_verified', 'needs_interview'] as const
type Person = Record<string, unknown>
interface ListView {
  id: string
  partner: string
  listRef: string | null
  rows: { person: Person; answer: { rowId: string; result: string; at: string } | null }[]
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** A partner's nationality verification lists, each person answered verified / not verified / needs interview. */
export function VerificationCard() {
  const { t, formatDateTime } = useI18n()
  const { data, error } = useFetch<{ items: Message[] }>('/api/exchange/messages?direction=in&limit=500')
  const [open, setOpen] = useState<string | null>(null)
  const lists = data?.items.filter((m) => m.type === 'nationality.verification_list') ?? []
  return (
    <section className="card" aria-labelledby="nv-title" data-testid="verification-lists">
      <h2 id="nv-title">{t('exchange-admin.verification.title')}</h2>
      <ErrorBanner error={error} />
      {data && lists.length === 0 ? (
        <EmptyState title={t('exchange-admin.verification.empty')} />
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('exchange-admin.verification.received')}</th>
              <th>{t('exchange-admin.verification.partner')}</th>
              <th>{t('exchange-admin.verification.answer')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.sentAt)}</td>
                <td translate="no">{m.partner}</td>
                <td>
                  <button type="button" aria-expanded={open === m.id} onClick={() => setOpen(m.id)}>
                    {t('exchange-admin.verification.open', { time: formatDateTime(m.sentAt) })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <AnswerForm key={open} id={open} />}
    </section>
  )
}

function AnswerForm({ id }: { id: string }) {
  const { t, formatDay } = useI18n()
  const { data, error, reload } = useFetch<ListView>(`/api/exchange/verification-lists/in/${id}`)
  const [choices, setChoices] = useState<Record<string, string>>({})
  const [office, setOffice] = useState('')
  const [sendError, setSendError] = useState<unknown>()
  const [sent, setSent] = useState(false)
  const [missing, setMissing] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setSent(false)
    setSendError(undefined)
    const answers = Object.entries(choices)
      .filter(([, result]) => result !== '')
      .map(([rowId, result]) => ({ rowId, result, office: office.trim() || null }))
    setMissing(answers.length === 0)
    if (answers.length === 0) return
    try {
      await api('POST', `/api/exchange/verification-lists/${id}/answers`, {
        body: { answers },
        idempotencyKey: key,
      })
      setSent(true)
      setChoices({})
      setKey(newIdempotencyKey())
      reload()
    } catch (err) {
      setSendError(err)
    }
  }
  return (
    <form onSubmit={submit} aria-labelledby="nv-form-title" data-testid="verification-answer">
      <h3 id="nv-form-title" translate="no">
        {data?.listRef ?? ''}
      </h3>
      <ErrorBanner error={error ?? sendError} withFields />
      <table>
        <thead>
          <tr>
            <th>{t('exchange-admin.verification.name')}</th>
            <th>{t('exchange-admin.verification.nativeName')}</th>
            <th>{t('exchange-admin.verification.born')}</th>
            <th>{t('exchange-admin.verification.province')}</th>
            <th>{t('exchange-admin.verification.answer')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.rows.map(({ person, answer }) => {
            const rowId = str(person.xch_RowId)
            const name = `${str(person.prs_FirstName)} ${str(person.prs_SecondName)}`.trim()
            return (
              <tr key={rowId} data-row={rowId}>
                <td translate="no">{name}</td>
                <td lang="km">
                  {`${str(person.xch_FirstNameNative)} ${str(person.xch_SecondNameNative)}`.trim()}
                </td>
                <td>{person.prs_Birthdate ? formatDay(str(person.prs_Birthdate)) : '—'}</td>
                <td translate="no">{str(person.xch_HomeProvince) || '—'}</td>
                <td>
                  <SelectField
                    label={`${t('exchange-admin.verification.answer')}: ${name}`}
                    value={choices[rowId] ?? ''}
                    onChange={(e) => setChoices({ ...choices, [rowId]: e.target.value })}
                  >
                    <option value="">{t('exchange-admin.verification.results.none')}</option>
                    {RESULTS.map((r) => (
                      <option key={r} value={r}>
                        {t(`exchange-admin.verification.results.${r}`)}
                      </option>
                    ))}
                  </SelectField>
                  {answer && (
                    <small data-testid="previous-answer">
                      {t('exchange-admin.verification.previous', {
                        result: t(`exchange-admin.verification.results.${answer.result}`),
                      })}
                    </small>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <TextField
        label={t('exchange-admin.verification.office')}
        value={office}
        maxLength={200}
        onChange={(e) => setOffice(e.target.value)}
      />
      {missing && (
        <p className="field-error" role="alert">
          {t('exchange-admin.verification.chooseOne')}
        </p>
      )}
      <button type="submit" className="primary">
        {t('exchange-admin.verification.send')}
      </button>
      {sent && data && (
        <p className="banner banner-success" role="status">
          {t('exchange-admin.verification.sent', { partner: data.partner })}
        </p>
      )}
    </form>
  )
}
