import { type FormEvent, useState } from 'react'
import { call, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { PhotoUpload } from './photo-upload.tsx'
import { CHECK_RESULTS, type Examination, type ExaminationTemplate, FINDINGS } from './types.ts'

// The options below are drawn from these closed lists, so a select's value is always one of them.
type CheckResult = (typeof CHECK_RESULTS)[number]
type Finding = (typeof FINDINGS)[number]

/** The checklist of the document's template: each check's result, the overall finding, notes, then photos. */
export function ExaminationPanel({ documentId, templateId }: { documentId: string; templateId: string }) {
  const { t, locale } = useI18n()
  const template = useFetch<ExaminationTemplate>(`/api/documents/templates/${encodeURIComponent(templateId)}`)
  const [results, setResults] = useState<Record<string, CheckResult>>({})
  const [finding, setFinding] = useState<Finding>('not_examined')
  const [notes, setNotes] = useState('')
  const [error, setError] = useState<unknown>()
  const [saved, setSaved] = useState<Examination | null>(null)
  const [key] = useState(newIdempotencyKey)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      const body = { documentId, templateId, finding, results, notes }
      setSaved(await call('POST', '/api/documents/examinations', { body, idempotencyKey: key }))
      setError(undefined)
    } catch (err) {
      setError(err)
    }
  }

  if (template.loading && !template.data) return <Loading />
  if (!template.data) return <ErrorBanner error={template.error} />
  const name = (x: { nameEn: string; nameKm: string }) => (locale === 'km' ? x.nameKm : x.nameEn)
  const checks = template.data.checks.filter((c) => c.active)

  return (
    <section className="card examination" aria-labelledby="examination-title">
      <h2 id="examination-title">{t('reading.examination.title')}</h2>
      <p className="muted">{name(template.data)}</p>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saved !== null}>
          <table className="data checklist">
            <caption className="visually-hidden">{t('reading.examination.checks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reading.examination.check')}</th>
                <th scope="col">{t('reading.examination.method')}</th>
                <th scope="col">{t('reading.examination.result')}</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => (
                <tr key={c.id} data-check={c.id}>
                  <td>
                    <span id={`check-${c.id}`}>{name(c)}</span>
                    <div className="muted">{t(`documents.examination.category.${c.category}`)}</div>
                    {c.toBeConfirmed && (
                      <span className="tag-confirm">{t('documents.examination.to_be_confirmed')}</span>
                    )}
                  </td>
                  <td>{t(`documents.examination.method.${c.method}`)}</td>
                  <td>
                    <select
                      aria-labelledby={`check-${c.id}`}
                      value={results[c.id] ?? 'not_checked'}
                      onChange={(e) => setResults({ ...results, [c.id]: e.target.value as CheckResult })}
                    >
                      {CHECK_RESULTS.map((r) => (
                        <option key={r} value={r}>
                          {t(`documents.check_result.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <SelectField
            label={t('reading.examination.finding')}
            value={finding}
            onChange={(e) => setFinding(e.target.value as Finding)}
          >
            {FINDINGS.map((f) => (
              <option key={f} value={f}>
                {t(`documents.finding.${f}`)}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor="examination-notes">{t('reading.examination.notes')}</label>
            <textarea
              id="examination-notes"
              rows={3}
              maxLength={4000}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          </div>
          <ErrorBanner error={error} />
          {!saved && (
            <button type="submit" className="primary">
              {t('reading.examination.save')}
            </button>
          )}
        </fieldset>
      </form>
      {saved && (
        <>
          <p className="banner banner-ok" role="status">
            {t('reading.examination.saved', { finding: t(`documents.finding.${saved.finding}`) })}
          </p>
          <PhotoUpload examinationId={saved.id} />
        </>
      )}
    </section>
  )
}
