import type { Agency, Post } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { NAV } from '../shell/layout.tsx'
import { Link } from '../shell/router.tsx'
import { useFetch } from '../ui/use-fetch.ts'

export function HomePage() {
  const { t, locale } = useI18n()
  const { session, can } = useSession()
  const user = session!.user
  const agencies = useFetch<Agency[]>('/api/agencies')
  const posts = useFetch<Post[]>('/api/posts')
  const agency = agencies.data?.find((a) => a.code === user.agencyCode)
  const post = posts.data?.find((p) => p.code === user.postCode)
  const name = (x: { nameEn: string; nameKm: string } | undefined, fallback: string) =>
    x ? (locale === 'km' ? x.nameKm : x.nameEn) : fallback
  const sections = NAV.filter((n) => n.path !== '/' && n.capability && can(n.capability))

  return (
    <>
      <h1>{t('web.home.welcome', { name: user.displayName })}</h1>
      <section className="card" aria-labelledby="assignment">
        <h2 id="assignment">{t('web.home.assignment')}</h2>
        <dl className="facts">
          <dt>{t('web.users.role')}</dt>
          <dd>{t(`web.roles.${user.role}`)}</dd>
          <dt>{t('web.users.agency')}</dt>
          <dd>{name(agency, user.agencyCode)}</dd>
          <dt>{t('web.users.post')}</dt>
          <dd>{user.postCode ? name(post, user.postCode) : t('web.users.noPost')}</dd>
          <dt>{t('web.users.scope')}</dt>
          <dd>{t(`web.scopes.${user.scope}`)}</dd>
        </dl>
      </section>
      <section aria-labelledby="sections">
        <h2 id="sections">{t('web.home.sections')}</h2>
        <ul className="tiles">
          {sections.map((s) => (
            <li key={s.path}>
              <Link to={s.path} className="tile">
                <strong>{t(s.label)}</strong>
                <span>{t(`${s.label}Hint`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
