import { useState } from 'react'
import type { Post, Province } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { PostForm } from './post-form.tsx'

export function PostsPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const posts = useFetch<Post[]>('/api/posts')
  const provinces = useFetch<Province[]>('/api/provinces')
  const [editing, setEditing] = useState<Post | 'new' | null>(null)
  const provinceName = (code: string) => {
    const p = provinces.data?.find((x) => x.code === code)
    return p ? (locale === 'km' ? p.nameKm : p.nameEn) : code
  }
  const canEdit = can('post:update')

  return (
    <>
      <div className="page-head">
        <h1>{t('web.nav.posts')}</h1>
        {can('post:create') && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('web.posts.add')}
          </button>
        )}
      </div>
      {editing !== null && (
        <PostForm
          post={editing === 'new' ? null : editing}
          provinces={provinces.data ?? []}
          onDone={() => {
            setEditing(null)
            posts.reload()
          }}
        />
      )}
      <ErrorBanner error={posts.error} />
      {posts.loading && !posts.data ? (
        <Loading />
      ) : posts.data?.length === 0 ? (
        <EmptyState title={t('web.posts.empty')} />
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t('web.nav.posts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web.posts.name')}</th>
              <th scope="col">{t('web.posts.type')}</th>
              <th scope="col">{t('web.posts.province')}</th>
              <th scope="col">{t('web.posts.neighbour')}</th>
              <th scope="col">{t('web.common.status')}</th>
              {canEdit && <th scope="col">{t('web.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {posts.data?.map((p) => (
              <tr key={p.code}>
                <td>
                  {locale === 'km' ? p.nameKm : p.nameEn}
                  <div className="muted" translate="no">
                    {p.code}
                  </div>
                </td>
                <td>{t(`web.posts.types.${p.type}`)}</td>
                <td>{provinceName(p.provinceCode)}</td>
                {/* The neighbour's post is a foreign place name, written as its country writes it: not to be translated. */}
                <td translate="no">
                  {[p.neighbourCountry, p.neighbourPost].filter(Boolean).join(' — ') || '—'}
                </td>
                <td>{p.active ? t('web.common.active') : t('web.common.inactive')}</td>
                {canEdit && (
                  <td>
                    <button type="button" onClick={() => setEditing(p)}>
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
