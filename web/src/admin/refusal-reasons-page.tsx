import { useState } from 'react'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { RefusalReason } from '../posts/types.ts'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { RefusalReasonForm } from './refusal-reason-form.tsx'

/** The refusal reasons officers choose from: add, rename in English and Khmer, reorder, deactivate. */
export function RefusalReasonsPage() {
  const { t } = useI18n()
  const reasons = useFetch<{ items: RefusalReason[] }>('/api/refusal-reasons')
  const [editing, setEditing] = useState<RefusalReason | 'new' | null>(null)
  const [error, setError] = useState<unknown>()
  const items = reasons.data?.items ?? []

  const change = async (action: () => Promise<unknown>) => {
    setError(undefined)
    try {
      await action()
      reasons.reload()
    } catch (err) {
      setError(err)
    }
  }
  const move = (index: number, by: -1 | 1) => {
    const codes = items.map((r) => r.code)
    const [code] = codes.splice(index, 1)
    codes.splice(index + by, 0, code!)
    void change(() => api('PUT', '/api/refusal-reasons/order', { body: { codes } }))
  }
  const toggle = (r: RefusalReason) =>
    void change(() =>
      api('PATCH', `/api/refusal-reasons/${encodeURIComponent(r.code)}`, { body: { active: !r.active } }),
    )

  return (
    <>
      <div className="page-head">
        <h1>{t('posts.reasons.title')}</h1>
        {editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('posts.reasons.add')}
          </button>
        )}
      </div>
      <p className="muted">{t('posts.reasons.intro')}</p>
      {editing !== null && (
        <RefusalReasonForm
          reason={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null)
            reasons.reload()
          }}
        />
      )}
      <ErrorBanner error={error ?? reasons.error} />
      {reasons.loading && !reasons.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('posts.reasons.empty')} />
      ) : (
        <table className="data" data-testid="refusal-reasons">
          <caption className="visually-hidden">{t('posts.reasons.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('posts.reasons.code')}</th>
              <th scope="col">{t('posts.reasons.nameEn')}</th>
              <th scope="col">{t('posts.reasons.nameKm')}</th>
              <th scope="col">{t('posts.reasons.status')}</th>
              <th scope="col">{t('web.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r, i) => (
              <tr key={r.code}>
                <td>
                  <code>{r.code}</code>
                </td>
                <td lang="en">{r.nameEn}</td>
                <td lang="km">{r.nameKm}</td>
                <td>{r.active ? t('web.common.active') : t('web.common.inactive')}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      disabled={i === 0}
                      aria-label={t('posts.reasons.moveUp', { code: r.code })}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={i === items.length - 1}
                      aria-label={t('posts.reasons.moveDown', { code: r.code })}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </button>
                    <button type="button" onClick={() => setEditing(r)}>
                      {t('web.common.edit')}
                    </button>
                    <button type="button" onClick={() => toggle(r)}>
                      {r.active ? t('posts.reasons.deactivate') : t('posts.reasons.activate')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
