import { useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { CheckForm } from './check-form.tsx'
import type { ExaminationCheck, ExaminationTemplate } from './types.ts'

interface TemplateListItem extends ExaminationTemplate {
  issuingState: string | null
  series: string | null
  active: boolean
}

/** Administrators keep the examination checklists: the issuer-specific checks come from the document expert. */
export function TemplatesPage() {
  const { t, locale } = useI18n()
  const templates = useFetch<TemplateListItem[]>('/api/documents/templates')
  const [selected, setSelected] = useState('generic')
  const [editing, setEditing] = useState<ExaminationCheck | 'new' | null>(null)
  const name = (x: { nameEn: string; nameKm: string }) => (locale === 'km' ? x.nameKm : x.nameEn)
  const template = templates.data?.find((x) => x.id === selected)

  if (templates.loading && !templates.data) return <Loading />
  return (
    <>
      <div className="page-head">
        <h1>{t('reading.nav.templates')}</h1>
        {template && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('reading.templates.addCheck')}
          </button>
        )}
      </div>
      <ErrorBanner error={templates.error} />
      <SelectField
        label={t('reading.templates.template')}
        value={selected}
        onChange={(e) => {
          setSelected(e.target.value)
          setEditing(null)
        }}
      >
        {templates.data?.map((x) => (
          <option key={x.id} value={x.id}>
            {name(x)}
            {x.series ? ` — ${x.series}` : ''}
          </option>
        ))}
      </SelectField>
      {template && editing !== null && (
        <CheckForm
          key={editing === 'new' ? 'new' : editing.id}
          templateId={template.id}
          check={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null)
            templates.reload()
          }}
        />
      )}
      {!template || template.checks.length === 0 ? (
        <EmptyState title={t('reading.templates.empty')} />
      ) : (
        <table className="data">
          <caption className="visually-hidden">{name(template)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reading.examination.check')}</th>
              <th scope="col">{t('reading.examination.method')}</th>
              <th scope="col">{t('web.common.status')}</th>
              <th scope="col">{t('web.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {template.checks.map((c) => (
              <tr key={c.id}>
                <td>
                  {name(c)}
                  <code className="muted record-id">{c.id}</code>
                  {c.toBeConfirmed && (
                    <span className="tag-confirm">{t('documents.examination.to_be_confirmed')}</span>
                  )}
                </td>
                <td>{t(`documents.examination.method.${c.method}`)}</td>
                <td>{c.active ? t('web.common.active') : t('web.common.inactive')}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setEditing(c)}
                    aria-label={`${t('web.common.edit')}: ${name(c)}`}
                  >
                    {t('web.common.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
