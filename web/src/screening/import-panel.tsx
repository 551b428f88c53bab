import { useState } from 'react'
import { ApiError } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { uploadFile } from './upload.ts'

interface Report {
  version: number
  read: number
  added: number
  changed: number
  removed: number
  unchanged: number
  skipped: number
  removalsConfirmed: boolean
  unmappedCountries: { value: string; records: number }[]
}

const FORMATS = ['csv', 'un-xml', 'ftm', 'ofac-sdn'] as const

function guessFormat(name: string): (typeof FORMATS)[number] {
  if (/\.xml$/i.test(name)) return 'un-xml'
  if (/\.(jsonl|ndjson|json)$/i.test(name)) return 'ftm'
  return 'csv'
}

/** Uploads a list file with a progress bar; the report (or every rejected line) is shown when it is done. */
export function ImportPanel({ listId, onDone }: { listId: string; onDone(): void }) {
  const { t, formatNumber } = useI18n()
  const { session } = useSession()
  const [file, setFile] = useState<File | null>(null)
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('csv')
  const [progress, setProgress] = useState<number | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState<unknown>()
  // An import that empties most of the list is refused with the count; the user confirms and uploads again.
  const refusedRemovals = error instanceof ApiError && error.code === 'removals_unconfirmed'
  const start = async (confirmRemovals = false) => {
    if (!file) return
    setError(undefined)
    setReport(null)
    setProgress(0)
    try {
      const confirm = confirmRemovals ? '&confirmRemovals=true' : ''
      const url = `/api/watchlists/${listId}/import?format=${format}&fileName=${encodeURIComponent(file.name)}${confirm}`
      setReport(await uploadFile<Report>(url, file, session?.csrfToken, setProgress))
      onDone()
    } catch (err) {
      setError(err)
    } finally {
      setProgress(null)
    }
  }
  return (
    <section className="card form-grid" aria-labelledby="import-title">
      <h2 id="import-title">{t('watchlists.import.title')}</h2>
      <p className="hint">{t('watchlists.import.intro')}</p>
      <div className="field">
        <label htmlFor="import-file">{t('watchlists.import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.xml,.jsonl,.ndjson,.json"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null
            setFile(f)
            if (f) setFormat(guessFormat(f.name))
          }}
        />
      </div>
      <SelectField
        label={t('watchlists.import.format')}
        value={format}
        onChange={(e) => setFormat(e.target.value as typeof format)}
      >
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`watchlists.import.formats.${f}`)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!file || progress !== null}
          onClick={() => start()}
        >
          {t('watchlists.import.start')}
        </button>
      </div>
      {progress !== null && (
        <p>
          <progress
            className="import-progress"
            max={1}
            value={progress}
            aria-label={t('watchlists.import.progress')}
          />{' '}
          {progress < 1
            ? t('watchlists.import.uploading', { percent: formatNumber(Math.round(progress * 100)) })
            : t('watchlists.import.processing')}
        </p>
      )}
      {report && (
        <div className="banner banner-ok" role="status">
          {t('watchlists.import.done', {
            version: formatNumber(report.version),
            read: formatNumber(report.read),
            added: formatNumber(report.added),
            changed: formatNumber(report.changed),
            removed: formatNumber(report.removed),
            skipped: formatNumber(report.skipped),
          })}
          {report.removalsConfirmed && <> {t('watchlists.import.removalsConfirmed')}</>}
          {report.unmappedCountries.length > 0 && (
            <p>
              {t('watchlists.import.unmappedCountries', {
                values: report.unmappedCountries
                  .map((u) => `${u.value} (${formatNumber(u.records)})`)
                  .join(', '),
              })}
            </p>
          )}
        </div>
      )}
      <ErrorBanner
        error={error instanceof ApiError ? error : error ? new ApiError(0, 'network', '') : undefined}
      />
      {refusedRemovals && (
        <div className="actions">
          <button type="button" className="primary" disabled={progress !== null} onClick={() => start(true)}>
            {t('watchlists.import.confirmRemovals')}
          </button>
        </div>
      )}
    </section>
  )
}
