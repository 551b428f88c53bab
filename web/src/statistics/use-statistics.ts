import { useEffect, useState } from 'react'
import type {
  IndicatorResult,
  StatisticsCatalog,
  StatisticsQuery,
  StatisticsResult,
} from '../../../src/app/statistics/statistics.contract.ts'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'

interface Loaded<T> {
  data?: T
  error?: unknown
  loading: boolean
}

/**
 * One request, repeated when what it asks changes or when the user's language does: labels and error
 * messages come from the server in the user's language, which follows the saved profile (not the switch's
 * first render), so the key is the session's locale.
 */
function useRequest<T>(key: string | null, run: () => Promise<T>): Loaded<T> {
  const locale = useSession().session?.user.locale
  const [state, setState] = useState<Loaded<T>>({ loading: key !== null })
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key and locale say when to ask again
  useEffect(() => {
    if (key === null) return
    let cancelled = false
    setState((s) => ({ data: s.data, loading: true }))
    run().then(
      (data) => !cancelled && setState({ data, loading: false }),
      (error: unknown) => !cancelled && setState({ error, loading: false }),
    )
    return () => {
      cancelled = true
    }
  }, [key, locale])
  return state
}

export function useCatalog(): Loaded<StatisticsCatalog> {
  return useRequest('catalog', () => api<StatisticsCatalog>('GET', '/api/statistics/catalog'))
}

/** Null asks nothing (e.g. a measure this installation does not count). */
export function useStatisticsQuery(query: StatisticsQuery | null): Loaded<StatisticsResult> {
  return useRequest(query && JSON.stringify(query), () =>
    api<StatisticsResult>('POST', '/api/statistics/query', { body: query }),
  )
}

export function useIndicator(
  id: string | null,
  period: { from: string; to: string; post?: string },
): Loaded<IndicatorResult> {
  const q = new URLSearchParams({ from: period.from, to: period.to })
  if (period.post) q.set('post', period.post)
  const path = id && `/api/statistics/indicators/${encodeURIComponent(id)}?${q.toString()}`
  return useRequest(path, () => api<IndicatorResult>('GET', path ?? ''))
}
