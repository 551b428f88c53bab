import { lazy, Suspense } from 'react'
import { Loading } from '../ui/feedback.tsx'

// Charts, map boundaries and ECharts load only when someone opens the dashboards, so the screens officers
// use at the counter stay light.
const Dashboard = lazy(() => import('./dashboard.tsx').then((m) => ({ default: m.Dashboard })))

export function StatisticsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Dashboard />
    </Suspense>
  )
}
