import { useState } from 'react'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { DocumentForm } from './document-form.tsx'
import { PersonForm } from './person-form.tsx'
import type { DocumentEntry, PersonEntry, Watchlist } from './types.ts'

type Kind = 'persons' | 'documents'

function RemoveButton({
  list,
  kind,
  id,
  onDone,
}: {
  list: Watchlist
  kind: Kind
  id: string
  onDone(): void
}) {
  const { t } = useI18n()
  const [error, setError] = useState<unknown>()
  const remove = async () => {
    const reason = window.prompt(t('watchlists.entry.removeReason'))
    if (!reason) return
    try {
      await api('POST', `/api/watchlists/${list.id}/${kind}/${id}/remove`, { body: { reason } })
      onDone()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <>
      <button type="button" onClick={remove}>
        {t('watchlists.entry.remove')}
      </button>
      <ErrorBanner error={error} />
    </>
  )
}

/** A list's current entries, persons or documents, with the review flags and the add, edit and remove forms. */
export function EntriesPanel({ list, kind }: { list: Watchlist; kind: Kind }) {
  const { t } = useI18n()
  const [search, setSearch] = useState('')
  const [overdue, setOverdue] = useState(false)
  const [editing, setEditing] = useState<PersonEntry | DocumentEntry | 'new' | null>(null)
  const query = new URLSearchParams({
    limit: '50',
    ...(search ? { search } : {}),
    ...(overdue ? { overdue: 'true' } : {}),
  })
  const entries = useFetch<{ items: (PersonEntry | DocumentEntry)[]; total: number }>(
    `/api/watchlists/${list.id}/${kind}?${query}`,
  )
  const done = () => {
    setEditing(null)
    entries.reload()
  }
  const form =
    editing === null ? null : kind === 'persons' ? (
      <PersonForm
        listId={list.id}
        entry={editing === 'new' ? null : (editing as PersonEntry)}
        onDone={done}
      />
    ) : (
      <DocumentForm
        listId={list.id}
        entry={editing === 'new' ? null : (editing as DocumentEntry)}
        onDone={done}
      />
    )
  return (
    <section aria-label={t(`watchlists.kinds.${kind}`)}>
      <div className="page-head">
        <h2>{t(`watchlists.kinds.${kind}`)}</h2>
        {editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {kind === 'persons' ? t('watchlists.entry.addPerson') : t('watchlists.entry.addDocument')}
          </button>
        )}
      </div>
      {form}
      <div className="filters">
        <TextField
          label={t('web.common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t('watchlists.entry.onlyOverdue')}
        </label>
      </div>
      <ErrorBanner error={entries.error} />
      {entries.loading && !entries.data ? (
        <Loading />
      ) : entries.data?.items.length === 0 ? (
        <EmptyState title={t('watchlists.entry.empty')} />
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t(`watchlists.kinds.${kind}`)}</caption>
          <thead>
            <tr>
              <th scope="col">
                {kind === 'persons' ? t('watchlists.entry.names') : t('watchlists.screen.documentNumber')}
              </th>
              <th scope="col">
                {kind === 'persons' ? t('watchlists.entry.category') : t('watchlists.entry.documentStatus')}
              </th>
              <th scope="col">{t('watchlists.entry.reviewDate')}</th>
              <th scope="col">{t('web.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.data?.items.map((e) => (
              <tr key={e.id}>
                <td>
                  {'names' in e ? e.names.join(' · ') : `${e.issuingState} ${e.number}`}
                  {'birthDate' in e && e.birthDate && <div className="muted">{e.birthDate}</div>}
                </td>
                <td>
                  {'category' in e
                    ? t(`watchlists.categories.${e.category}`)
                    : t(`watchlists.documentStatuses.${e.status}`)}
                </td>
                <td className={e.reviewOverdue ? 'overdue' : undefined}>
                  {e.reviewDate ?? '—'} {e.reviewOverdue && t('watchlists.entry.overdue')}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditing(e)}>
                    {t('web.common.edit')}
                  </button>
                  <RemoveButton list={list} kind={kind} id={e.id} onDone={entries.reload} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.data && <p className="muted">{t('web.common.total', { count: entries.data.total })}</p>}
    </section>
  )
}
