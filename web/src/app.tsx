import type { ReactElement } from 'react'
import { AgenciesPage } from './admin/agencies-page.tsx'
import { AuditPage } from './admin/audit-page.tsx'
import { PostsPage } from './admin/posts-page.tsx'
import { RefusalReasonsPage } from './admin/refusal-reasons-page.tsx'
import { UsersPage } from './admin/users-page.tsx'
import { ChangePasswordPage } from './auth/change-password-page.tsx'
import { SessionProvider, useSession } from './auth/session.tsx'
import { SignInPage } from './auth/sign-in-page.tsx'
import { InspectPage } from './crossings/inspect-page.tsx'
import { SecondaryPage } from './crossings/secondary-page.tsx'
import { ReadDocumentPage } from './documents/read-document-page.tsx'
import { TemplatesPage } from './documents/templates-page.tsx'
import { ExchangeAdminPage } from './exchange/authorities-page.tsx'
import { ExchangePage } from './exchange/exchange-page.tsx'
import { HomePage } from './home/home-page.tsx'
import { I18nProvider, useI18n } from './i18n/i18n.tsx'
import { ConflictsPage } from './offline/conflicts-page.tsx'
import { PlansPage } from './plans/plans-page.tsx'
import { PlanReviewPage } from './plans/review-page.tsx'
import { PlanStructurePage } from './plans/structure-page.tsx'
import { BoardPage } from './posts/board-page.tsx'
import { CasePage } from './protection/case-page.tsx'
import { CasesPage } from './protection/cases-page.tsx'
import { DashboardPage } from './protection/dashboard-page.tsx'
import { ProvidersPage } from './protection/providers-page.tsx'
import { ReferPage } from './protection/refer-page.tsx'
import { ReferralsPage } from './protection/referrals-page.tsx'
import { ScreenPage } from './protection/screen-page.tsx'
import { ReturnListImportPage } from './returns/import-page.tsx'
import { ReturnsRegisterPage } from './returns/register-page.tsx'
import { AlertSettingsPage } from './risk/alert-settings-page.tsx'
import { AlertsPage } from './risk/alerts-page.tsx'
import { AnalysisPage } from './risk/analysis-page.tsx'
import { EvaluatePage } from './risk/evaluate-page.tsx'
import { RuleSetPage } from './risk/rule-set-page.tsx'
import { RuleSetsPage } from './risk/rule-sets-page.tsx'
import { HitQueuePage } from './screening/hit-queue-page.tsx'
import { ScreeningPage } from './screening/screen-page.tsx'
import { WatchlistsPage } from './screening/watchlists-page.tsx'
import { Layout, NAV } from './shell/layout.tsx'
import { usePath } from './shell/router.tsx'
import { StatisticsPage } from './statistics/statistics-page.tsx'
import { GroundPage } from './training/ground-page.tsx'
import { useTrainingMode } from './training/training-mode.ts'
import { TrainingPage } from './training/training-page.tsx'
import { EmptyState, Loading } from './ui/feedback.tsx'

const PAGES: Record<string, () => ReactElement> = {
  '/': HomePage,
  '/crossings': InspectPage,
  '/crossings/secondary': SecondaryPage,
  '/posts': PostsPage,
  '/posts/board': BoardPage,
  '/refusal-reasons': RefusalReasonsPage,
  '/agencies': AgenciesPage,
  '/users': UsersPage,
  '/audit': AuditPage,
  '/documents': ReadDocumentPage,
  '/documents/templates': TemplatesPage,
  '/account/password': () => <ChangePasswordPage forced={false} />,
  '/protection/refer': ReferPage,
  '/protection/referrals': ReferralsPage,
  '/protection/cases': CasesPage,
  '/protection/case': CasePage,
  '/protection/dashboard': DashboardPage,
  '/protection/providers': ProvidersPage,
  '/protection/screen': ScreenPage,
  '/risk/rule-sets': RuleSetsPage,
  '/risk/rule-set': RuleSetPage,
  '/risk/evaluate': EvaluatePage,
  '/risk/alerts': AlertsPage,
  '/risk/analysis': AnalysisPage,
  '/risk/alert-settings': AlertSettingsPage,
  '/screening': ScreeningPage,
  '/screening/hits': HitQueuePage,
  '/watchlists': WatchlistsPage,
  '/statistics': StatisticsPage,
  '/plans': PlansPage,
  '/plans/review': PlanReviewPage,
  '/plans/structure': PlanStructurePage,
  '/returns': ReturnsRegisterPage,
  '/returns/import': ReturnListImportPage,
  '/training': TrainingPage,
  '/training/ground': GroundPage,
  '/exchange': ExchangePage,
  '/exchange/admin': ExchangeAdminPage,
  '/offline/conflicts': ConflictsPage,
}

function Routes() {
  const path = usePath()
  const { t } = useI18n()
  const { session, loading, can } = useSession()
  const training = useTrainingMode()
  if (loading) return <Loading />
  if (!session) return <SignInPage />
  if (session.user.mustChangePassword) return <ChangePasswordPage forced />
  const nav = NAV.find((n) => n.path === path)
  // In training mode only the training screens open: the ground holds specimens, never live records.
  const Page = training && !path.startsWith('/training') ? TrainingPage : PAGES[path]
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
