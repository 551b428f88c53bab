import { useState } from 'react'
import { toLocaleDigits } from '../i18n/format.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { EmptyState, Loading } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { ProtectionError, personName } from './shared.tsx'
import { CASE_STATES, type CaseSummary } from './types.ts'

/** The agency's cases, filtered by state, by worker, by lateness or by name (Latin or Khmer). */
export function CasesPage() {
  const { t, formatDateTime, locale } = useI18n()
  const [f, setF] = useState({ state: '', search: '', mine: false, unassigned: false, overdue: false })
  const params = new URLSearchParams()
  if (f.state) params.set('state', f.state)
  if (f.search) params.set('search', f.search)
  for (const k of ['mine', 'unassigned', 'overdue'] as const) if (f[k]) params.set(k, 'true')
  const cases = useFetch<CaseSummary[]>(`/api/protection/cases?${params}`)
  const flag = (k: 'mine' | 'unassigned' | 'overdue') => (
    <label className="checkbox">
      <input type="checkbox" checked={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.checked })} />
      {t(`cases.list.${k}`)}
    </label>
  )
  return (
    <>
      <h1>{t('cases.nav.cases')}</h1>
      <search className="filters">
        <TextField
          label={t('web.common.search')}
          type="search"
          value={f.search}
          onChange={(e) => setF({ ...f, search: e.target.value })}
        />
        <SelectField
          label={t('web.common.status')}
          value={f.state}
          onChange={(e) => setF({ ...f, state: e.target.value })}
        >
          <option value="">{t('web.common.all')}</option>
          {CASE_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`protection.case.states.${s}`)}
            </option>
          ))}
        </SelectField>
        {flag('mine')}
        {flag('unassigned')}
        {flag('overdue')}
      </search>
      <ProtectionError error={cases.error} />
      {cases.loading && !cases.data ? (
        <Loading />
      ) : cases.data?.length === 0 ? (
        <EmptyState title={t('cases.list.empty')} />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('cases.list.number')}</th>
              <th scope="col">{t('cases.person.name')}</th>
              <th scope="col">{t('web.common.status')}</th>
              <th scope="col">{t('cases.case.worker')}</th>
              <th scope="col">{t('cases.list.nextDue')}</th>
              <th scope="col">{t('cases.list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.data?.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/protection/case?id=${c.id}`}>#{toLocaleDigits(String(c.number), locale)}</Link>
                </td>
                <td translate="no">{personName(c.person)}</td>
                <td>
                  {t(`protection.case.states.${c.state}`)}
                  {c.pending && (
                    <div className="muted">
                      {t('cases.case.pending', { request: t(`protection.case.requests.${c.pending}`) })}
                    </div>
                  )}
                </td>
                <td>{c.caseWorker?.name ?? t('cases.case.unassigned')}</td>
                <td>
                  {c.nextDue ?? '—'}
                  {c.overdue > 0 && (
                    <div className="field-error">{t('cases.list.overdueCount', { count: c.overdue })}</div>
                  )}
                </td>
                <td>{formatDateTime(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
