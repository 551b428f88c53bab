import { useState } from 'react'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ProtectionError } from '../protection/shared.tsx'
import { Link } from '../shell/router.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import './returns.css'
import { type ImportReport, RETURN_TYPES } from './types.ts'
import { type ImportEvent, uploadList } from './upload-list.ts'

/** Bulk import of a return list (CSV or XLSX, columns in docs/return-list.md) with a progress bar and its report. */
export function ReturnListImportPage() {
  const { t, formatNumber } = useI18n()
  const { session } = useSession()
  const [file, setFile] = useState<File | null>(null)
  const [listRef, setListRef] = useState('')
  const [returnType, setReturnType] = useState('g2g_list')
  const [progress, setProgress] = useState<{ value: number; max: number; label: string } | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<unknown>()

  const onEvent = (e: ImportEvent) => {
    if (e.type === 'upload')
      setProgress({
        value: e.ratio,
        max: 1,
        label: t('returns.import.uploading', { percent: formatNumber(Math.round(e.ratio * 100)) }),
      })
    if (e.type === 'start' || e.type === 'progress')
      setProgress({
        value: e.processed,
        max: Math.max(e.total, 1),
        label: t('returns.import.writing', {
          processed: formatNumber(e.processed),
          total: formatNumber(e.total),
        }),
      })
  }
  const start = async () => {
    if (!file || !listRef.trim()) return
    setError(undefined)
    setReport(null)
    setProgress({ value: 0, max: 1, label: t('returns.import.uploading', { percent: formatNumber(0) }) })
    const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv'
    const query = new URLSearchParams({ format, listRef: listRef.trim(), returnType, fileName: file.name })
    try {
      setReport(await uploadList(`/api/returns/imports?${query}`, file, session?.csrfToken, onEvent))
    } catch (err) {
      setError(err)
    } finally {
      setProgress(null)
    }
  }
  return (
    <>
      <div className="page-head">
        <h1>{t('returns.import.title')}</h1>
        <Link to="/returns">{t('returns.nav.register')}</Link>
      </div>
      <section className="card form-grid">
        <p className="hint">
          {/* The columns' document is named by its path, a code to look up, not words to translate. */}
          {t('returns.import.intro').split('{file}')[0]}
          <code>docs/return-list.md</code>
          {t('returns.import.intro').split('{file}')[1]}
        </p>
        <TextField
          label={t('returns.import.listRef')}
          hint={t('returns.import.listRefHint')}
          value={listRef}
          onChange={(e) => setListRef(e.target.value)}
        />
        <SelectField
          label={t('returns.session.returnType')}
          value={returnType}
          onChange={(e) => setReturnType(e.target.value)}
        >
          {RETURN_TYPES.map((r) => (
            <option key={r} value={r}>
              {t(`returns.returnTypes.${r}`)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="return-list-file">{t('returns.import.file')}</label>
          <input
            id="return-list-file"
            type="file"
            accept=".csv,.xlsx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!file || !listRef.trim() || progress !== null}
            onClick={start}
          >
            {t('returns.import.start')}
          </button>
        </div>
        {progress && (
          <div role="status">
            <progress
              className="import-progress"
              max={progress.max}
              value={progress.value}
              aria-label={t('returns.import.progress')}
            />
            <p>{progress.label}</p>
          </div>
        )}
        <ProtectionError error={error} />
      </section>
      {report && <ImportResult report={report} />}
    </>
  )
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t, formatNumber } = useI18n()
  return (
    <section className="card" aria-labelledby="import-report" data-testid="import-report">
      <h2 id="import-report">{t('returns.import.report', { list: report.listRef })}</h2>
      <p role="status">
        {t('returns.import.summary', {
          total: formatNumber(report.total),
          added: formatNumber(report.added),
          already: formatNumber(report.alreadyRegistered),
          rejected: formatNumber(report.rejected),
        })}
      </p>
      {report.ignoredColumns.length > 0 && (
        <p className="hint">{t('returns.import.ignored', { columns: report.ignoredColumns.join(', ') })}</p>
      )}
      {report.issues.length > 0 && (
        <table className="returns-table">
          <thead>
            <tr>
              <th>{t('returns.import.row')}</th>
              <th>{t('returns.import.column')}</th>
              <th>{t('returns.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.issues.map((i) => (
              <tr key={`${i.row}-${i.column}-${i.code}`}>
                <td>{formatNumber(i.row)}</td>
                <td>
                  <code>{i.column ?? '—'}</code>
                </td>
                <td>{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
