import { useCallback, useEffect, useMemo, useState } from 'react'
import { navigate } from '../shell/router.tsx'
import { type DashboardState, parseState, stateToSearch } from './dashboard-state.ts'

export const DASHBOARD_PATH = '/statistics'

/** The dashboard's state lives in the URL query; back and forward step through drill-downs. */
export function useDashboardState(
  defaults: DashboardState,
): [DashboardState, (next: DashboardState) => void] {
  const [search, setSearch] = useState(window.location.search)
  useEffect(() => {
    const onPop = () => setSearch(window.location.search)
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  const state = useMemo(() => parseState(search, defaults), [search, defaults])
  const go = useCallback((next: DashboardState) => navigate(`${DASHBOARD_PATH}${stateToSearch(next)}`), [])
  return [state, go]
}
