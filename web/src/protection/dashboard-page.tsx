import { toLocaleDigits } from '../i18n/format.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { ProtectionError, personName } from './shared.tsx'
import type { PersonName } from './types.ts'

interface Dashboard {
  openCases: number
  unassigned: number
  awaitingApproval: number
  caseload: { id: string; name: string | null; count: number }[]
  overdueFollowUps: {
    id: string
    caseId: string
    caseNumber: number
    dueDate: string
    daysLate: number
    person: PersonName | null
  }[]
  identificationToAssistance: { cases: number; medianHours: number | null; maxHours: number | null }
}

/** A case manager's view of the agency: who carries what, what is late, and how fast help arrives. */
export function DashboardPage() {
  const { t, formatNumber, locale } = useI18n()
  const d = useFetch<Dashboard>('/api/protection/dashboard')
  if (d.error) return <ProtectionError error={d.error} />
  if (!d.data) return <Loading />
  const v = d.data
  const hours = (h: number | null) =>
    h === null ? '—' : t('cases.dashboard.hours', { hours: formatNumber(Math.round(h * 10) / 10) })
  return (
    <>
      <div className="page-head">
        <h1>{t('cases.nav.dashboard')}</h1>
        {/* A plain download: the server checks k-anonymity, withholds small groups and audits the export. */}
        <a className="button-link" href="/api/protection/export" download>
          {t('cases.dashboard.export')}
        </a>
      </div>
      <p className="hint">{t('cases.dashboard.exportHint')}</p>
      <ul className="tiles">
        {(['openCases', 'unassigned', 'awaitingApproval'] as const).map((k) => (
          <li key={k} className="tile">
            <strong>{formatNumber(v[k])}</strong>
            <span>{t(`cases.dashboard.${k}`)}</span>
          </li>
        ))}
        <li className="tile">
          <strong>{hours(v.identificationToAssistance.medianHours)}</strong>
          <span>
            {t('cases.dashboard.timeToAssistance', {
              count: formatNumber(v.identificationToAssistance.cases),
            })}
          </span>
        </li>
      </ul>
      <section className="card" aria-labelledby="caseload">
        <h2 id="caseload">{t('cases.dashboard.caseload')}</h2>
        {v.caseload.length === 0 && <p className="muted">{t('cases.dashboard.noCaseload')}</p>}
        <table className="data">
          <tbody>
            {v.caseload.map((w) => (
              <tr key={w.id}>
                <td>{w.name}</td>
                <td>{formatNumber(w.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="overdue">
        <h2 id="overdue">{t('cases.dashboard.overdue')}</h2>
        {v.overdueFollowUps.length === 0 ? (
          <p className="muted">{t('cases.dashboard.noneOverdue')}</p>
        ) : (
          <table className="data">
            <tbody>
              {v.overdueFollowUps.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={`/protection/case?id=${f.caseId}`}>
                      #{toLocaleDigits(String(f.caseNumber), locale)}
                    </Link>
                  </td>
                  <td translate="no">{personName(f.person)}</td>
                  <td>{f.dueDate}</td>
                  <td className="field-error">
                    {t('protection.followUp.status.overdue', { days: f.daysLate })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
