import { type ReactNode, useEffect } from 'react'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ShiftBar } from '../posts/shift-bar.tsx'
import { usePostName } from '../posts/use-post-name.ts'
import { useTrainingMode } from '../training/training-mode.ts'
import { TrainingRibbon } from '../training/training-ribbon.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import { Link, navigate } from './router.tsx'

export interface NavItem {
  path: string
  label: string
  capability: string | null
}

// The counter's work comes first, so Alt+1…9 reach it; reference data and administration follow (no shortcut).
export const NAV: NavItem[] = [
  { path: '/', label: 'web.nav.home', capability: null },
  { path: '/crossings', label: 'crossings.nav.inspect', capability: 'crossing:create' },
  { path: '/crossings/secondary', label: 'crossings.nav.secondary', capability: 'secondary_inspection:read' },
  { path: '/returns', label: 'returns.nav.register', capability: 'returnee:create' },
  { path: '/returns/import', label: 'returns.nav.import', capability: 'returnee:create' },
  { path: '/documents', label: 'reading.nav.read', capability: 'document:create' },
  { path: '/screening', label: 'watchlists.nav.screen', capability: 'screening:create' },
  { path: '/risk/evaluate', label: 'risk-web.nav.evaluate', capability: 'risk_evaluation:create' },
  { path: '/protection/refer', label: 'cases.nav.refer', capability: 'referral:create' },
  { path: '/screening/hits', label: 'watchlists.nav.queue', capability: 'screening_hit:update' },
  { path: '/offline/conflicts', label: 'offline.nav.conflicts', capability: 'secondary_inspection:approve' },
  { path: '/posts/board', label: 'posts.nav.board', capability: 'crossing:read' },
  { path: '/protection/referrals', label: 'cases.nav.referrals', capability: 'referral:read' },
  { path: '/protection/screen', label: 'cases.nav.screen', capability: 'case:create' },
  { path: '/protection/cases', label: 'cases.nav.cases', capability: 'case:read' },
  { path: '/protection/dashboard', label: 'cases.nav.dashboard', capability: 'case:approve' },
  { path: '/risk/alerts', label: 'risk-web.nav.alerts', capability: 'risk_alert:read' },
  { path: '/watchlists', label: 'watchlists.nav.lists', capability: 'watchlist:update' },
  { path: '/risk/rule-sets', label: 'risk-web.nav.rules', capability: 'rule_set:read' },
  { path: '/risk/analysis', label: 'risk-web.nav.analysis', capability: 'risk_analysis:read' },
  { path: '/statistics', label: 'dashboards.nav', capability: 'statistics:read' },
  { path: '/plans', label: 'plans.menu', capability: 'plan:read' },
  { path: '/training', label: 'training.web.nav', capability: 'training_record:read' },
  { path: '/exchange', label: 'exchange.nav.exchange', capability: 'exchange_arrival:read' },
  { path: '/exchange/admin', label: 'exchange-admin.nav.admin', capability: 'exchange_agreement:read' },
  { path: '/posts', label: 'web.nav.posts', capability: 'post:read' },
  { path: '/agencies', label: 'web.nav.agencies', capability: 'agency:read' },
  { path: '/refusal-reasons', label: 'posts.nav.reasons', capability: 'refusal_reason:update' },
  { path: '/protection/providers', label: 'cases.nav.providers', capability: 'provider:update' },
  { path: '/users', label: 'web.nav.users', capability: 'user:read' },
  { path: '/documents/templates', label: 'reading.nav.templates', capability: 'examination_template:update' },
  { path: '/risk/alert-settings', label: 'risk-web.nav.alertSettings', capability: 'agency:update' },
  { path: '/audit', label: 'web.nav.audit', capability: 'audit:read' },
]

/** The role-aware frame: navigation lists only what the policy table lets this role open. */
const SHORTCUTS = 9

export function Layout({ path, children }: { path: string; children: ReactNode }) {
  const { t, formatNumber } = useI18n()
  const { session, signOut, can } = useSession()
  const training = useTrainingMode()
  // In training mode the live sections are not offered at all, only the way back to the exercises; the ribbon says
  // where the user is.
  const items = NAV.filter(
    (n) => (n.capability === null || can(n.capability)) && (!training || n.path === '/training'),
  )

  // Officers at a counter keep their hands on the keyboard: Alt+1…9 opens the n-th section. Only nine are shown,
  // since a two-digit shortcut cannot be typed; the physical key is read, so the Khmer layout (which sends "១")
  // works too.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1]
      const item = digit ? items[Number(digit) - 1] : undefined
      if (item) {
        e.preventDefault()
        navigate(item.path)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [items])

  const user = session!.user
  const postName = usePostName(user.postCode)
  return (
    <div className="shell">
      {training && <TrainingRibbon />}
      <a className="skip-link" href="#main">
        {t('web.shell.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          Passage
        </Link>
        <div className="topbar-right">
          <span className="who" data-testid="who">
            <strong>{user.displayName}</strong>
            <span>
              {t(`web.roles.${user.role}`)} · {user.agencyCode}
              {postName ? ` · ${postName}` : ''}
            </span>
          </span>
          <LanguageSwitch />
          <Link to="/account/password" className="button-link">
            {t('web.nav.password')}
          </Link>
          <button type="button" onClick={signOut}>
            {t('web.shell.signOut')}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('web.shell.navigation')}>
        <ul>
          {items.map((n, i) => (
            <li key={n.path}>
              <Link to={n.path} aria-current={path === n.path ? 'page' : undefined}>
                <span>{t(n.label)}</span>
                {i < SHORTCUTS && <kbd>Alt+{formatNumber(i + 1)}</kbd>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="page" tabIndex={-1}>
        {!training && <ShiftBar />}
        {children}
      </main>
    </div>
  )
}
