import { useState } from 'react'
import { api } from '../api/client.ts'
import type { AuditEntry } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { DateField, TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'

type Verify = {
  ok: boolean
  entries: number
  checkpoints: number
  reason?:
    | 'hash_mismatch'
    | 'link_mismatch'
    | 'checkpoint_mismatch'
    | 'entries_missing'
    | 'checkpoint_invalid'
  brokenAt?: number
  missing?: number
  checkpoint?: { size?: number; time?: string; source: string }
  /** Entries not yet sealed into the chain by the server's sealer (issue 13). */
  unsealed?: number
  oldestUnsealedAt?: string | null
}

type Translate = ReturnType<typeof useI18n>['t']

/** The verification report in words: what failed and where (the server names the entry or the checkpoint). */
function verdict(v: Verify, t: Translate, count: string, formatDateTime: (iso: string) => string): string {
  const time = v.checkpoint?.time ? formatDateTime(v.checkpoint.time) : ''
  if (v.ok)
    return v.checkpoints > 0
      ? t('web.audit.intactSigned', { count, checkpoints: v.checkpoints })
      : `${t('web.audit.intact', { count })} ${t('web.audit.noCheckpoint')}`
  switch (v.reason) {
    case 'checkpoint_mismatch':
      return t('web.audit.replaced', { seq: v.brokenAt ?? '?', time })
    case 'entries_missing':
      return v.entries === 0
        ? t('web.audit.emptied', { size: v.checkpoint?.size ?? '?', time })
        : t('web.audit.missing', { missing: v.missing ?? '?', time })
    case 'checkpoint_invalid':
      return t('web.audit.badCheckpoint', { source: v.checkpoint?.source ?? '?' })
    default:
      return t('web.audit.broken', { seq: v.brokenAt ?? '?' })
  }
}
const PAGE = 50

/** An action or record type in words; one the catalog does not name yet stays a code, marked as such. */
function named(t: Translate, group: 'actions' | 'resources', code: string) {
  const key = `web.audit.${group}.${code}`
  const words = t(key)
  return words === key ? <code>{code}</code> : words
}

/**
 * The entry's details folded, one field a line when opened: 50 rows of raw JSON made the page 4,900 px tall.
 * Field names and values are the record's own data, shown as written.
 */
function AuditDetails({ details }: { details: unknown }) {
  const { t } = useI18n()
  const fields =
    details && typeof details === 'object' ? Object.entries(details as Record<string, unknown>) : []
  if (fields.length === 0) return <>—</>
  return (
    <details className="audit-details">
      <summary>{t('web.audit.detailsCount', { count: fields.length })}</summary>
      <dl>
        {fields.map(([k, v]) => (
          <div key={k}>
            <dt>
              <code>{k}</code>
            </dt>
            <dd>
              <code>{typeof v === 'string' ? v : JSON.stringify(v)}</code>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  )
}

export function AuditPage() {
  const { t, formatDateTime, formatNumber } = useI18n()
  const [filters, setFilters] = useState({ actor: '', action: '', resource: '', from: '', to: '' })
  const [offset, setOffset] = useState(0)
  const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) })
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v)
  const log = useFetch<{ items: AuditEntry[]; total: number }>(`/api/audit?${params}`)
  const [verify, setVerify] = useState<Verify | null>(null)
  const [verifyError, setVerifyError] = useState<unknown>()
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) => {
    setOffset(0)
    setFilters({ ...filters, [k]: e.target.value })
  }
  const runVerify = async () => {
    setVerify(null)
    setVerifyError(undefined)
    try {
      setVerify(await api<Verify>('GET', '/api/audit/verify'))
    } catch (err) {
      setVerifyError(err)
    }
  }
  const total = log.data?.total ?? 0

  return (
    <>
      <div className="page-head">
        <h1>{t('web.nav.audit')}</h1>
        <button type="button" onClick={runVerify}>
          {t('web.audit.verify')}
        </button>
      </div>
      {verify && (
        <p className={`banner ${verify.ok ? 'banner-ok' : 'banner-error'}`} role="status">
          {verdict(verify, t, formatNumber(verify.entries), formatDateTime)}
          {verify.unsealed
            ? ` ${t('web.audit.unsealed', {
                count: formatNumber(verify.unsealed),
                time: verify.oldestUnsealedAt ? formatDateTime(verify.oldestUnsealedAt) : '?',
              })}`
            : null}
        </p>
      )}
      <ErrorBanner error={verifyError ?? log.error} />
      <search className="filters">
        <TextField label={t('web.audit.actor')} value={filters.actor} onChange={set('actor')} />
        <TextField label={t('web.audit.action')} value={filters.action} onChange={set('action')} />
        <TextField label={t('web.audit.resource')} value={filters.resource} onChange={set('resource')} />
        <DateField label={t('web.audit.from')} value={filters.from} onChange={set('from')} />
        <DateField label={t('web.audit.to')} value={filters.to} onChange={set('to')} />
      </search>
      {log.loading && !log.data ? (
        <Loading />
      ) : log.data?.items.length === 0 ? (
        <EmptyState title={t('web.audit.empty')} />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('web.audit.when')}</th>
              <th scope="col">{t('web.audit.actor')}</th>
              <th scope="col">{t('web.audit.action')}</th>
              <th scope="col">{t('web.audit.resource')}</th>
              <th scope="col">{t('web.audit.address')}</th>
              <th scope="col">{t('web.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data?.items.map((e) => (
              <tr key={e.seq}>
                <td>{formatNumber(e.seq)}</td>
                <td>{formatDateTime(e.at)}</td>
                <td translate="no">{e.actorUsername ?? '—'}</td>
                <td>{named(t, 'actions', e.action)}</td>
                <td>
                  {named(t, 'resources', e.resource)}
                  {e.recordId && <code className="muted record-id">{e.recordId}</code>}
                </td>
                <td translate="no">{e.ip ?? '—'}</td>
                <td>
                  <AuditDetails details={e.details} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t('web.common.previous')}
        </button>
        <span>
          {t('web.common.range', { from: total ? offset + 1 : 0, to: Math.min(offset + PAGE, total), total })}
        </span>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          {t('web.common.next')}
        </button>
      </div>
    </>
  )
}
