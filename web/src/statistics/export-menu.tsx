import { type FormEvent, useState } from 'react'
import type { StatisticsQuery } from '../../../src/app/statistics/statistics.contract.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { CheckboxField, SelectField, TextField } from '../ui/field.tsx'

type Format = 'csv' | 'xlsx' | 'json' | 'pdf'
const FORMATS: readonly Format[] = ['csv', 'xlsx', 'json', 'pdf']

/** The file name the server chose (`content-disposition`), so the download keeps its date. */
function fileNameOf(res: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback
}

async function saveResponse(res: Response, fallback: string): Promise<string> {
  const name = fileNameOf(res, fallback)
  const url = URL.createObjectURL(await res.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  URL.revokeObjectURL(url)
  return name
}

/**
 * Downloads of the table on screen (CSV and XLSX with HXL tags, JSON) and the monthly PDF report. Every
 * export is disclosure-controlled and audited by the server; noise for a release spends its privacy budget,
 * so it is a POST with the session's CSRF token. Renders nothing for readers who may not export.
 */
export function ExportMenu({ query, post }: { query: StatisticsQuery; post?: string }) {
  const { t, locale } = useI18n()
  const { session, can } = useSession()
  const csrf = session?.csrfToken
  const [format, setFormat] = useState<Format>('csv')
  const [month, setMonth] = useState(query.to.slice(0, 7))
  const [noisy, setNoisy] = useState(false)
  const [privacy, setPrivacy] = useState({
    mechanism: 'laplace',
    epsilon: '0.5',
    delta: '0.000001',
    release: '',
  })
  const [status, setStatus] = useState<{ kind: 'working' | 'done' | 'failed'; text: string } | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setStatus({ kind: 'working', text: t('exports.menu.working') })
    try {
      const res =
        format === 'pdf'
          ? await fetch(
              `/api/statistics/reports/monthly?${new URLSearchParams({ month, lang: locale, ...(post ? { post } : {}) })}`,
              { credentials: 'same-origin' },
            )
          : await fetch(`/api/statistics/export?format=${format}`, {
              method: 'POST',
              credentials: 'same-origin',
              headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
              body: JSON.stringify({
                ...query,
                ...(noisy
                  ? {
                      privacy: {
                        mechanism: privacy.mechanism,
                        epsilon: Number(privacy.epsilon),
                        ...(privacy.mechanism === 'gaussian' ? { delta: Number(privacy.delta) } : {}),
                        release: privacy.release,
                      },
                    }
                  : {}),
              }),
            })
      if (!res.ok) {
        const body = await res.json().catch(() => null)
        const detail = body?.error?.details?.[0]?.message
        throw new Error(detail ?? body?.error?.message ?? res.statusText)
      }
      const file = await saveResponse(res, `passage-export.${format}`)
      setStatus({ kind: 'done', text: t('exports.menu.done', { file }) })
    } catch (error) {
      setStatus({ kind: 'failed', text: t('exports.menu.failed', { message: (error as Error).message }) })
    }
  }

  // Readers without the export grant (post chiefs, supervisors) see no menu rather than a refusal.
  if (!can('statistics:export')) return null
  return (
    <form className="export-menu" onSubmit={submit} aria-label={t('exports.menu.label')}>
      <SelectField
        label={t('exports.menu.label')}
        value={format}
        onChange={(e) => setFormat(e.target.value as Format)}
      >
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`exports.menu.${f}`)}
          </option>
        ))}
      </SelectField>
      {format === 'pdf' ? (
        <TextField
          label={t('exports.menu.month')}
          type="month"
          required
          value={month}
          onChange={(e) => setMonth(e.target.value)}
        />
      ) : (
        <CheckboxField label={t('exports.menu.privacy')} checked={noisy} onChange={setNoisy} />
      )}
      {format !== 'pdf' && noisy && (
        <fieldset>
          <SelectField
            label={t('exports.menu.mechanism')}
            value={privacy.mechanism}
            onChange={(e) => setPrivacy({ ...privacy, mechanism: e.target.value })}
          >
            <option value="laplace">{t('exports.menu.laplace')}</option>
            <option value="gaussian">{t('exports.menu.gaussian')}</option>
          </SelectField>
          <TextField
            label={t('exports.menu.epsilon')}
            type="number"
            step="0.01"
            min="0.01"
            required
            value={privacy.epsilon}
            onChange={(e) => setPrivacy({ ...privacy, epsilon: e.target.value })}
          />
          {privacy.mechanism === 'gaussian' && (
            <TextField
              label={t('exports.menu.delta')}
              type="number"
              step="any"
              required
              value={privacy.delta}
              onChange={(e) => setPrivacy({ ...privacy, delta: e.target.value })}
            />
          )}
          <TextField
            label={t('exports.menu.release')}
            hint={t('exports.menu.releaseHint')}
            required
            pattern="[a-z0-9][a-z0-9._\-]{2,63}"
            value={privacy.release}
            onChange={(e) => setPrivacy({ ...privacy, release: e.target.value })}
          />
        </fieldset>
      )}
      <button type="submit" disabled={status?.kind === 'working'}>
        {t('exports.menu.download')}
      </button>
      {status && (
        <p
          role={status.kind === 'failed' ? 'alert' : 'status'}
          className={status.kind === 'failed' ? 'error' : undefined}
        >
          {status.kind === 'working' && <progress aria-label={status.text} />} {status.text}
        </p>
      )}
    </form>
  )
}
