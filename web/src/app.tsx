import type { ReactElement } from 'react'
import { AgenciesPage } from './admin/agencies-page.tsx'
import { AuditPage } from './admin/audit-page.tsx'
import { PostsPage } from './admin/posts-page.tsx'
import { UsersPage } from './admin/users-page.tsx'
import { ChangePasswordPage } from './auth/change-password-page.tsx'
import { SessionProvider, useSession } from './auth/session.tsx'
import { SignInPage } from './auth/sign-in-page.tsx'
import { HomePage } from './home/home-page.tsx'
import { I18nProvider, useI18n } from './i18n/i18n.tsx'
import { Layout, NAV } from './shell/layout.tsx'
import { usePath } from './shell/router.tsx'
import { EmptyState, Loading } from './ui/feedback.tsx'

const PAGES: Record<string, () => ReactElement> = {
  '/': HomePage,
  '/posts': PostsPage,
  '/agencies': AgenciesPage,
  '/users': UsersPage,
  '/audit': AuditPage,
  '/account/password': () => <ChangePasswordPage forced={false} />,
}

function Routes() {
  const path = usePath()
  const { t } = useI18n()
  const { session, loading, can } = useSession()
  if (loading) return <Loading />
  if (!session) return <SignInPage />
  if (session.user.mustChangePassword) return <ChangePasswordPage forced />
  const nav = NAV.find((n) => n.path === path)
  const Page = PAGES[path]
  const allowed = Page && (!nav?.capability || can(nav.capability))
  return (
    <Layout path={path}>
      {allowed ? (
        <Page />
      ) : (
        <EmptyState title={t('web.common.notFoundTitle')}>
          <p>{t('web.common.notFoundBody')}</p>
        </EmptyState>
      )}
    </Layout>
  )
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Routes />
      </SessionProvider>
    </I18nProvider>
  )
}
