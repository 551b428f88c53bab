import { type FormEvent, useState } from 'react'
import { api } from '../api/client.ts'
import type { Agency } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { ProtectionError, TextArea } from './shared.tsx'
import type { CaseView } from './types.ts'

const CLOSURE_REASONS = [
  'goalsAchieved',
  'declinedServices',
  'lostContact',
  'relocated',
  'referredOutside',
  'deceased',
  'duplicate',
]
const NEEDS_REASON = new Set([
  'rejectPlan',
  'resumeIntegration',
  'rejectClosure',
  'declineTransfer',
  'reopen',
])
const NEEDS_FORM = new Set([
  ...NEEDS_REASON,
  'assign',
  'completeAssessment',
  'submitPlan',
  'requestClosure',
  'requestTransfer',
])

/**
 * The steps the workflow allows in the case's state, as the server lists them. Whether this user may take
 * one (a supervisor's approval, four eyes) is the server's decision, explained when it refuses.
 */
export function CaseActions({ c, onChanged }: { c: CaseView; onChanged(next: CaseView): void }) {
  const { t, locale } = useI18n()
  const [open, setOpen] = useState<string | null>(null)
  const [f, setF] = useState({ text: '', caseWorkerId: '', reason: 'goalsAchieved', agency: '' })
  const [error, setError] = useState<unknown>()
  const workers = useFetch<{ id: string; name: string }[]>(
    open === 'assign' ? '/api/protection/case-workers' : null,
  )
  const agencies = useFetch<Agency[]>(open === 'requestTransfer' ? '/api/agencies' : null)

  const body = (event: string): Record<string, unknown> => {
    if (event === 'assign') return { caseWorkerId: f.caseWorkerId }
    if (event === 'completeAssessment') return f.text ? { summary: f.text } : {}
    if (event === 'submitPlan')
      return {
        goals: f.text
          .split('\n')
          .map((g) => g.trim())
          .filter(Boolean),
      }
    if (event === 'requestClosure') return { reason: f.reason, ...(f.text ? { note: f.text } : {}) }
    if (event === 'requestTransfer') return { toAgencyId: f.agency, reason: f.text }
    return NEEDS_REASON.has(event) ? { reason: f.text } : {}
  }
  const send = async (event: string) => {
    setError(undefined)
    try {
      const next = await api<CaseView>('POST', `/api/protection/cases/${c.id}/events`, {
        body: { type: event, ...body(event) },
      })
      setOpen(null)
      setF({ text: '', caseWorkerId: '', reason: 'goalsAchieved', agency: '' })
      onChanged(next)
    } catch (err) {
      setError(err)
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (open) send(open)
  }
  const text = (label: string) => (
    <TextArea label={label} value={f.text} onChange={(e) => setF({ ...f, text: e.target.value })} />
  )

  return (
    <section className="card" aria-labelledby="next-steps">
      <h2 id="next-steps">{t('cases.case.nextSteps')}</h2>
      <ProtectionError error={error} />
      <div className="row-actions">
        {c.availableEvents.map((event) => (
          <button
            key={event}
            type="button"
            onClick={() => (NEEDS_FORM.has(event) ? setOpen(event) : send(event))}
          >
            {t(`protection.case.events.${event}`)}
          </button>
        ))}
      </div>
      {open && (
        <form className="form-grid" onSubmit={submit} aria-label={t(`protection.case.events.${open}`)}>
          <h3>{t(`protection.case.events.${open}`)}</h3>
          {open === 'assign' && (
            <SelectField
              label={t('cases.case.worker')}
              value={f.caseWorkerId}
              onChange={(e) => setF({ ...f, caseWorkerId: e.target.value })}
            >
              <option value="">{t('cases.case.chooseWorker')}</option>
              {workers.data?.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </SelectField>
          )}
          {open === 'completeAssessment' && text(t('cases.case.assessmentSummary'))}
          {open === 'submitPlan' && text(t('cases.case.goals'))}
          {open === 'requestClosure' && (
            <>
              <SelectField
                label={t('cases.case.closureReason')}
                value={f.reason}
                onChange={(e) => setF({ ...f, reason: e.target.value })}
              >
                {CLOSURE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`protection.case.closureReasons.${r}`)}
                  </option>
                ))}
              </SelectField>
              {text(t('cases.case.note'))}
            </>
          )}
          {open === 'requestTransfer' && (
            <>
              <SelectField
                label={t('cases.case.toAgency')}
                value={f.agency}
                onChange={(e) => setF({ ...f, agency: e.target.value })}
              >
                <option value="">—</option>
                {agencies.data?.map((a) => (
                  <option key={a.code} value={a.code}>
                    {locale === 'km' ? a.nameKm : a.nameEn}
                  </option>
                ))}
              </SelectField>
              {text(t('cases.common.reason'))}
            </>
          )}
          {NEEDS_REASON.has(open) && (
            <TextField
              label={t('cases.common.reason')}
              value={f.text}
              onChange={(e) => setF({ ...f, text: e.target.value })}
            />
          )}
          <div className="actions">
            <button type="submit" className="primary">
              {t('cases.common.confirm')}
            </button>
            <button type="button" onClick={() => setOpen(null)}>
              {t('web.common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
