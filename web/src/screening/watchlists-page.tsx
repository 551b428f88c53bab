import { useState } from 'react'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { EntriesPanel } from './entries-panel.tsx'
import { ImportPanel } from './import-panel.tsx'
import { ListForm } from './list-form.tsx'
import './screening.css'
import type { Watchlist } from './types.ts'

/** Watchlist management for the owning agency: its lists, their entries, review flags and imports. */
export function WatchlistsPage() {
  const { t, formatNumber } = useI18n()
  const { can } = useSession()
  const lists = useFetch<Watchlist[]>('/api/watchlists')
  const [adding, setAdding] = useState(false)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = lists.data?.find((l) => l.id === selectedId) ?? null
  const [error, setError] = useState<unknown>()
  // Switching a list off takes its entries out of every screening at once, so it asks for the reason.
  const toggle = async (l: Watchlist) => {
    const reason = window.prompt(t('watchlists.lists.toggleReason'))
    if (!reason) return
    try {
      await api('PATCH', `/api/watchlists/${l.id}`, { body: { active: !l.active, reason } })
      lists.reload()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <>
      <div className="page-head">
        <h1>{t('watchlists.nav.lists')}</h1>
        {can('watchlist:create') && !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            {t('watchlists.lists.add')}
          </button>
        )}
      </div>
      {adding && (
        <ListForm
          onDone={() => {
            setAdding(false)
            lists.reload()
          }}
        />
      )}
      <ErrorBanner error={error ?? lists.error} />
      {lists.loading && !lists.data ? (
        <Loading />
      ) : lists.data?.length === 0 ? (
        <EmptyState title={t('watchlists.lists.empty')} />
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t('watchlists.nav.lists')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('watchlists.lists.name')}</th>
              <th scope="col">{t('watchlists.lists.owner')}</th>
              <th scope="col">{t('watchlists.lists.kind')}</th>
              <th scope="col">{t('watchlists.lists.version')}</th>
              <th scope="col">{t('watchlists.lists.overdue')}</th>
              <th scope="col">{t('web.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.data?.map((l) => (
              <tr key={l.id} aria-selected={l.id === selectedId}>
                <td>
                  {l.name}
                  {!l.active && <div className="muted">{t('web.common.inactive')}</div>}
                </td>
                <td>{l.ownerAgency}</td>
                <td>{t(`watchlists.kinds.${l.kind}`)}</td>
                <td>{formatNumber(l.version)}</td>
                <td className={l.overdue > 0 ? 'overdue' : undefined}>{formatNumber(l.overdue)}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setSelectedId(l.id)}>
                    {t('watchlists.lists.open', { name: l.name })}
                  </button>
                  <button type="button" onClick={() => toggle(l)}>
                    {l.active ? t('watchlists.lists.switchOff') : t('watchlists.lists.switchOn')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <section aria-labelledby="list-title">
          <h2 id="list-title">{selected.name}</h2>
          {selected.description && <p>{selected.description}</p>}
          <p>
            <a className="button-link" href={`/api/watchlists/${selected.id}/export.csv`} download>
              {t('watchlists.lists.export')}
            </a>
          </p>
          <ImportPanel listId={selected.id} onDone={lists.reload} />
          {selected.kind !== 'documents' && (
            <EntriesPanel key={`${selected.id}-p`} list={selected} kind="persons" />
          )}
          {selected.kind !== 'persons' && (
            <EntriesPanel key={`${selected.id}-d`} list={selected} kind="documents" />
          )}
        </section>
      )}
    </>
  )
}
