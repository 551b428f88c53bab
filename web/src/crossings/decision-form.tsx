import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useCurrentShift } from '../posts/shift-store.ts'
import { ErrorBanner } from '../ui/feedback.tsx'
import { DateField, SelectField, TextField } from '../ui/field.tsx'
import { useForm } from '../ui/form.tsx'
import { CompanionsField, type Recent } from './companions-field.tsx'
import { DECISIONS, DIRECTIONS, type Inspection, PERMIT_TYPES, PURPOSES, TRANSPORTS } from './types.ts'

const COUNTER_KEY = 'passage.counter'

const orNull = (v: string) => (v.trim() ? v.trim() : null)

/**
 * The officer's decision on the inspected traveller, recorded as an entry or exit. Enter records from any field;
 * one idempotency key per inspection, so a retry after a dropped connection records the movement once.
 */
export function DecisionForm({
  inspection: i,
  recent,
  onRecorded,
}: {
  inspection: Inspection
  recent: Recent[]
  onRecorded(message: string): void
}) {
  const { t } = useI18n()
  const { shift } = useCurrentShift()
  const f = useForm({
    direction: i.expectedDirection ?? 'entry',
    purpose: '',
    // The open shift names the counter; without one, the counter last typed on this machine.
    counter: shift?.counter ?? localStorage.getItem(COUNTER_KEY) ?? '',
    permitType: '',
    permitNumber: '',
    validUntil: '',
    permittedStayDays: '',
    transport: '',
    plate: '',
    flight: '',
    vessel: '',
    decision: 'admit',
    refusalReason: '',
    referralNote: '',
  })
  const [companions, setCompanions] = useState<Record<string, string>>({})
  const [key] = useState(newIdempotencyKey)
  const form = useRef<HTMLFormElement>(null)
  const v = f.values
  // The decision is the first field: the officer reads the advice above and answers from the keyboard.
  useEffect(() => form.current?.querySelector('select')?.focus(), [])

  const submit = f.submit(async () => {
    localStorage.setItem(COUNTER_KEY, v.counter)
    const body = {
      documentId: i.document.id,
      counter: v.counter,
      direction: v.direction,
      decision: v.decision,
      refusalReason: v.decision === 'refuse' ? orNull(v.refusalReason) : null,
      purpose: orNull(v.purpose),
      permit: v.permitType
        ? {
            type: v.permitType,
            number: orNull(v.permitNumber),
            validUntil: orNull(v.validUntil),
            permittedStayDays: v.permittedStayDays ? Number(v.permittedStayDays) : null,
          }
        : null,
      transport: v.transport
        ? {
            kind: v.transport,
            vehiclePlate: orNull(v.plate),
            flightNumber: orNull(v.flight),
            vesselName: orNull(v.vessel),
          }
        : null,
      companions: Object.entries(companions)
        .filter(([, relation]) => relation)
        .map(([travellerId, relation]) => ({ travellerId, relation })),
      riskEvaluationId: i.risk.id,
      screeningRequestId: i.screening.requestId,
      referralNote: v.decision === 'refer_secondary' ? orNull(v.referralNote) : null,
    }
    await api('POST', '/api/crossings', { body, idempotencyKey: key })
    onRecorded(
      t('crossings.form.recorded', {
        decision: t(`crossings.values.decision.${v.decision}`),
        direction: t(`crossings.values.direction.${v.direction}`),
      }),
    )
  })

  // A select does not submit on Enter by itself; at the counter Enter always records.
  const enter = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && (e.target as HTMLElement).tagName === 'SELECT') {
      e.preventDefault()
      form.current?.requestSubmit()
    }
  }

  return (
    <form
      ref={form}
      className="card form-grid"
      onSubmit={submit}
      onKeyDown={enter}
      noValidate
      aria-labelledby="decision-title"
    >
      <h2 id="decision-title">{t('crossings.form.title')}</h2>
      <p className="banner" role="note">
        {t('crossings.advice')}
      </p>
      <ErrorBanner error={f.error} />
      <SelectField label={t('crossings.form.decision')} value={v.decision} onChange={f.set('decision')}>
        {DECISIONS.map((d) => (
          <option key={d} value={d}>
            {t(`crossings.values.decision.${d}`)}
          </option>
        ))}
      </SelectField>
      {v.decision === 'refuse' && (
        <SelectField
          label={t('crossings.form.reason')}
          value={v.refusalReason}
          onChange={f.set('refusalReason')}
        >
          <option value="">{t('crossings.form.choose')}</option>
          {i.refusalReasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
      )}
      {v.decision === 'refer_secondary' && (
        <TextField
          label={t('crossings.form.referralNote')}
          maxLength={2000}
          value={v.referralNote}
          onChange={f.set('referralNote')}
          error={f.fieldError('referralNote')}
        />
      )}
      <SelectField label={t('crossings.form.direction')} value={v.direction} onChange={f.set('direction')}>
        {DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {t(`crossings.values.direction.${d}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('crossings.form.counter')}
        required
        maxLength={20}
        value={v.counter}
        onChange={f.set('counter')}
        error={f.fieldError('counter')}
      />
      <SelectField label={t('crossings.form.purpose')} value={v.purpose} onChange={f.set('purpose')}>
        <option value="">—</option>
        {PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t(`crossings.values.purpose.${p}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('crossings.form.permitType')} value={v.permitType} onChange={f.set('permitType')}>
        <option value="">—</option>
        {PERMIT_TYPES.map((p) => (
          <option key={p} value={p}>
            {t(`crossings.values.permit.${p}`)}
          </option>
        ))}
      </SelectField>
      {v.permitType && v.permitType !== 'none' && (
        <>
          <TextField
            label={t('crossings.form.permitNumber')}
            maxLength={40}
            value={v.permitNumber}
            onChange={f.set('permitNumber')}
          />
          <DateField
            label={t('crossings.form.validUntil')}
            value={v.validUntil}
            onChange={f.set('validUntil')}
          />
          <TextField
            label={t('crossings.form.permittedStay')}
            inputMode="numeric"
            value={v.permittedStayDays}
            onChange={f.set('permittedStayDays')}
          />
        </>
      )}
      <SelectField label={t('crossings.form.transport')} value={v.transport} onChange={f.set('transport')}>
        <option value="">—</option>
        {TRANSPORTS.map((x) => (
          <option key={x} value={x}>
            {t(`crossings.values.transport.${x}`)}
          </option>
        ))}
      </SelectField>
      {v.transport === 'land' && (
        <TextField
          label={t('crossings.form.plate')}
          maxLength={20}
          value={v.plate}
          onChange={f.set('plate')}
        />
      )}
      {v.transport === 'air' && (
        <TextField
          label={t('crossings.form.flight')}
          maxLength={10}
          value={v.flight}
          onChange={f.set('flight')}
        />
      )}
      {(v.transport === 'sea' || v.transport === 'river') && (
        <TextField
          label={t('crossings.form.vessel')}
          maxLength={80}
          value={v.vessel}
          onChange={f.set('vessel')}
        />
      )}
      <CompanionsField
        recent={recent.filter((r) => r.id !== i.traveller.id)}
        value={companions}
        onChange={setCompanions}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t('crossings.form.submit')} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  )
}
