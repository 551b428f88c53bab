import { useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useForm } from '../ui/form.tsx'
import { HitCard } from './hit-card.tsx'
import './screening.css'
import type { ScreenResult } from './types.ts'

/**
 * The screening panel: a name (any script), optional birth date, nationality and sex, optionally a document;
 * the answer is a list of explained hits for the officer to act on. Nothing is refused automatically.
 */
export function ScreeningPage() {
  const { t } = useI18n()
  const f = useForm({ name: '', birthDate: '', nationality: '', sex: '', issuingState: '', number: '' })
  const [result, setResult] = useState<ScreenResult | null>(null)
  const [busy, setBusy] = useState(false)
  const v = f.values
  const submit = f.submit(async () => {
    setBusy(true)
    try {
      const body = {
        person: {
          name: v.name,
          ...(v.birthDate ? { birthDate: v.birthDate } : {}),
          ...(v.nationality ? { nationality: v.nationality.toUpperCase() } : {}),
          ...(v.sex ? { sex: v.sex } : {}),
        },
        ...(v.number
          ? { document: { issuingState: v.issuingState.toUpperCase() || 'KHM', number: v.number } }
          : {}),
      }
      setResult(
        await api<ScreenResult>('POST', '/api/screening/screen', {
          body,
          idempotencyKey: newIdempotencyKey(),
        }),
      )
    } finally {
      setBusy(false)
    }
  })

  return (
    <>
      <h1>{t('watchlists.nav.screen')}</h1>
      <form className="card form-grid" onSubmit={submit} noValidate>
        <ErrorBanner error={f.error} />
        <TextField
          label={t('watchlists.screen.name')}
          required
          value={v.name}
          onChange={f.set('name')}
          hint={t('watchlists.screen.nameHint')}
          error={f.fieldError('person.name')}
        />
        <TextField
          label={t('watchlists.screen.birthDate')}
          value={v.birthDate}
          onChange={f.set('birthDate')}
          hint={t('watchlists.screen.birthDateHint')}
        />
        <TextField
          label={t('watchlists.screen.nationality')}
          maxLength={3}
          value={v.nationality}
          onChange={f.set('nationality')}
        />
        <SelectField label={t('watchlists.screen.sex')} value={v.sex} onChange={f.set('sex')}>
          <option value="">—</option>
          <option value="F">{t('watchlists.sex.F')}</option>
          <option value="M">{t('watchlists.sex.M')}</option>
          <option value="X">{t('watchlists.sex.X')}</option>
        </SelectField>
        <TextField
          label={t('watchlists.screen.issuingState')}
          maxLength={3}
          value={v.issuingState}
          onChange={f.set('issuingState')}
        />
        <TextField
          label={t('watchlists.screen.documentNumber')}
          value={v.number}
          onChange={f.set('number')}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !v.name.trim()}>
            {t('watchlists.screen.submit')}
          </button>
        </div>
      </form>
      {result && (
        <section aria-labelledby="hits-title" aria-live="polite">
          <h2 id="hits-title">{t('watchlists.screen.hits', { count: result.hits.length })}</h2>
          {result.suppressed > 0 && (
            <p className="muted">{t('watchlists.screen.suppressed', { count: result.suppressed })}</p>
          )}
          {result.hits.length === 0 ? (
            <EmptyState title={t('watchlists.screen.noHits')} />
          ) : (
            <>
              <p className="hint">{t('watchlists.screen.humansDecide')}</p>
              {result.hits.map((h) => (
                <HitCard key={h.id} hit={h} />
              ))}
            </>
          )}
        </section>
      )}
    </>
  )
}
