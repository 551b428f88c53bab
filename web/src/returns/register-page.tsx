import { useEffect, useRef, useState } from 'react'
import type { Post } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import type { Provider } from '../protection/types.ts'
import { Link } from '../shell/router.tsx'
import { ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { Sticky } from './returnee-fields.ts'
import { ReturneeForm } from './returnee-form.tsx'
import './returns.css'
import { TodayList } from './today-list.tsx'
import { type Province, RETURN_TYPES, type Registered, type Returnee } from './types.ts'

/**
 * Mass-return registration at a post: the return type, group and (for social workers, who have no post) the post
 * stay set while officers register one returnee after another; today's registrations follow below.
 */
export function ReturnsRegisterPage() {
  const { t, locale } = useI18n()
  const { session, can } = useSession()
  const ownPost = session?.user.postCode ?? null
  const [sticky, setSticky] = useState<Sticky>({
    postCode: ownPost,
    returnType: 'spontaneous',
    groupId: null,
  })
  const [editing, setEditing] = useState<Returnee | null>(null)
  const [saved, setSaved] = useState<Registered | null>(null)
  const [formKey, setFormKey] = useState(0)
  const provinces = useFetch<Province[]>('/api/provinces')
  const posts = useFetch<Post[]>(ownPost ? null : '/api/posts')
  const providers = useFetch<Provider[]>('/api/protection/providers?active=true')
  const listPath = sticky.postCode ? `/api/returns?post=${encodeURIComponent(sticky.postCode)}` : null
  const today = useFetch<{ total: number; items: Returnee[] }>(listPath)
  // Opened from the post board with `?edit=<id>`: the returnee a partner's return list registered, to complete.
  const editFromBoard = useRef(new URLSearchParams(window.location.search).get('edit'))
  useEffect(() => {
    const found = today.data?.items.find((r) => r.id === editFromBoard.current)
    if (!found) return
    editFromBoard.current = null
    setEditing(found)
  }, [today.data])

  if (!provinces.data || !providers.data)
    return provinces.error ? <ErrorBanner error={provinces.error} /> : <Loading />
  const newGroup = () => setSticky({ ...sticky, groupId: crypto.randomUUID() })
  const onSaved = (r: Registered, edited: boolean) => {
    setSaved(r)
    if (edited) {
      setEditing(null)
      setFormKey((k) => k + 1)
    }
    today.reload()
  }
  return (
    <>
      <div className="page-head">
        <h1>{t('returns.title')}</h1>
        <Link to="/returns/import">{t('returns.nav.import')}</Link>
      </div>
      <section className="card returns-session" aria-label={t('returns.session.label')}>
        {!ownPost && (
          <SelectField
            label={t('returns.session.post')}
            value={sticky.postCode ?? ''}
            onChange={(e) => setSticky({ ...sticky, postCode: e.target.value || null })}
          >
            <option value="">{t('returns.session.choosePost')}</option>
            {(posts.data ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {locale === 'km' ? p.nameKm : p.nameEn}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label={t('returns.session.returnType')}
          value={sticky.returnType}
          onChange={(e) => setSticky({ ...sticky, returnType: e.target.value })}
        >
          {RETURN_TYPES.map((r) => (
            <option key={r} value={r}>
              {t(`returns.returnTypes.${r}`)}
            </option>
          ))}
        </SelectField>
        <p data-testid="group">
          {sticky.groupId
            ? t('returns.session.group', { group: sticky.groupId.slice(0, 8) })
            : t('returns.session.noGroup')}
        </p>
        <button type="button" onClick={newGroup}>
          {t('returns.session.newGroup')}
        </button>
        {sticky.groupId && (
          <button type="button" onClick={() => setSticky({ ...sticky, groupId: null })}>
            {t('returns.session.endGroup')}
          </button>
        )}
      </section>
      {saved && (
        <div className={saved.referralProposed ? 'banner banner-error' : 'banner banner-ok'} role="status">
          <p>
            {t('returns.saved', {
              name: [saved.familyKhmer, saved.givenKhmer, saved.familyLatin, saved.givenLatin]
                .filter(Boolean)
                .join(' '),
            })}
          </p>
          {saved.referralProposed && <p>{t('returns.referral.proposed')}</p>}
        </div>
      )}
      <ReturneeForm
        key={editing ? `edit-${editing.id}` : `new-${formKey}`}
        sticky={sticky}
        editing={editing}
        provinces={provinces.data}
        providers={providers.data}
        onSaved={onSaved}
        onCancelEdit={() => setEditing(null)}
      />
      {today.data && (
        <TodayList
          items={today.data.items}
          total={today.data.total}
          provinces={provinces.data}
          onEdit={setEditing}
          canEdit={can('returnee:update')}
        />
      )}
    </>
  )
}
