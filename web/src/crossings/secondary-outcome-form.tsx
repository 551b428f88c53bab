import { type KeyboardEvent, useRef, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { TextArea } from '../protection/shared.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import {
  emptyProtection,
  type ProtectionForm,
  protectionBody,
  SecondaryProtectionFields,
} from './secondary-protection-fields.tsx'
import { SECONDARY_OUTCOMES, type SecondaryDetail } from './types.ts'

/** Whether an outcome leaves the traveller not admitted, and so needs a refusal reason (the domain's own rule). */
const refuses = (outcome: string, direction: string) =>
  outcome === 'refuse' ||
  outcome === 'hand_over_police' ||
  (outcome === 'refer_protection' && direction === 'exit')

/**
 * The supervisor's outcome: admit, refuse, hand over to police or refer to protection, with its grounds. Enter on a
 * select and Ctrl+Enter in the grounds decide; one idempotency key per referral, so a retry decides once.
 */
export function SecondaryOutcomeForm({
  detail: s,
  onDecided,
}: {
  detail: SecondaryDetail
  onDecided(s: SecondaryDetail): void
}) {
  const { t } = useI18n()
  const [outcome, setOutcome] = useState('')
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [protection, setProtection] = useState<ProtectionForm>(emptyProtection)
  const [error, setError] = useState<unknown>()
  const [key] = useState(newIdempotencyKey)
  const form = useRef<HTMLFormElement>(null)
  const needsReason = refuses(outcome, s.direction)

  const decide = async () => {
    setError(undefined)
    try {
      const body = {
        outcome,
        refusalReason: needsReason ? reason || null : null,
        note,
        protection: outcome === 'refer_protection' ? protectionBody(protection) : null,
      }
      onDecided(
        await api<SecondaryDetail>('POST', `/api/crossings/secondary/${s.id}/decision`, {
          body,
          idempotencyKey: key,
        }),
      )
    } catch (err) {
      setError(err)
    }
  }
  const keys = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement
    const submit =
      e.key === 'Enter' &&
      ((target.tagName === 'SELECT' && !target.closest('[data-testid="secondary-protection"]')) ||
        (target.tagName === 'TEXTAREA' && (e.ctrlKey || e.metaKey)))
    if (submit) {
      e.preventDefault()
      form.current?.requestSubmit()
    }
  }

  return (
    <form
      ref={form}
      className="card form-grid"
      aria-labelledby="outcome-title"
      noValidate
      onKeyDown={keys}
      onSubmit={(e) => {
        e.preventDefault()
        void decide()
      }}
    >
      <h2 id="outcome-title">{t('crossings.secondary.decision')}</h2>
      <ErrorBanner error={error} />
      <SelectField
        label={t('crossings.secondary.outcome')}
        value={outcome}
        onChange={(e) => {
          setOutcome(e.target.value)
          setReason('')
        }}
      >
        <option value="">{t('crossings.form.choose')}</option>
        {SECONDARY_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`crossings.values.outcome.${o}`)}
          </option>
        ))}
      </SelectField>
      {needsReason && (
        <SelectField
          label={t('crossings.secondary.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        >
          <option value="">{t('crossings.form.choose')}</option>
          {s.refusalReasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextArea
        label={t('crossings.secondary.decisionNote')}
        value={note}
        maxLength={4000}
        onChange={(e) => setNote(e.target.value)}
      />
      {outcome === 'refer_protection' && (
        <SecondaryProtectionFields value={protection} onChange={setProtection} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!outcome}>
          {t('crossings.secondary.decide')} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </form>
  )
}
