import { useState } from 'react'
import type { Agency } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { CodedRecordForm, useCodedRecordForm } from '../ui/coded-record-form.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'

const KINDS = [
  'immigration',
  'police',
  'customs',
  'social_affairs',
  'counter_trafficking',
  'international',
  'ngo',
] as const

function AgencyForm({ agency, onDone }: { agency: Agency | null; onDone(): void }) {
  const { t } = useI18n()
  const form = useCodedRecordForm({
    record: agency,
    initial: {
      code: agency?.code ?? '',
      nameEn: agency?.nameEn ?? '',
      nameKm: agency?.nameKm ?? '',
      kind: agency?.kind ?? 'ngo',
      active: agency?.active ?? true,
    },
    path: '/api/agencies',
    normaliseCode: (code) => code.toUpperCase(),
    body: (v) => ({ nameEn: v.nameEn, nameKm: v.nameKm, kind: v.kind }),
    onDone,
  })
  return (
    <CodedRecordForm
      form={form}
      editing={agency !== null}
      title={agency ? t('web.agencies.edit', { code: agency.code }) : t('web.agencies.add')}
      codeLabel={t('web.agencies.code')}
      onCancel={onDone}
    >
      <SelectField label={t('web.agencies.kind')} value={form.values.kind} onChange={form.set('kind')}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`web.agencies.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
    </CodedRecordForm>
  )
}

export function AgenciesPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const agencies = useFetch<Agency[]>('/api/agencies')
  const [editing, setEditing] = useState<Agency | 'new' | null>(null)
  return (
    <>
      <div className="page-head">
        <h1>{t('web.nav.agencies')}</h1>
        {can('agency:create') && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('web.agencies.add')}
          </button>
        )}
      </div>
      {editing !== null && (
        <AgencyForm
          agency={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null)
            agencies.reload()
          }}
        />
      )}
      <ErrorBanner error={agencies.error} />
      {agencies.loading && !agencies.data ? (
        <Loading />
      ) : agencies.data?.length === 0 ? (
        <EmptyState title={t('web.agencies.empty')} />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('web.agencies.code')}</th>
              <th scope="col">{t('web.posts.name')}</th>
              <th scope="col">{t('web.agencies.kind')}</th>
              <th scope="col">{t('web.common.status')}</th>
              {can('agency:update') && <th scope="col">{t('web.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {agencies.data?.map((a) => (
              <tr key={a.code}>
                <td>{a.code}</td>
                <td>{locale === 'km' ? a.nameKm : a.nameEn}</td>
                <td>{t(`web.agencies.kinds.${a.kind}`)}</td>
                <td>{a.active ? t('web.common.active') : t('web.common.inactive')}</td>
                {can('agency:update') && (
                  <td>
                    <button type="button" onClick={() => setEditing(a)}>
                      {t('web.common.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
