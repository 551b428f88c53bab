import { useCallback, useEffect, useState } from 'react'
import { api } from '../api/client.ts'

/** Loads a GET endpoint; `reload` refetches after a change. */
export function useFetch<T>(path: string | null) {
  const [data, setData] = useState<T | undefined>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(path !== null)
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload trigger
  useEffect(() => {
    if (path === null) return
    let cancelled = false
    setLoading(true)
    api<T>('GET', path)
      .then((d) => {
        if (!cancelled) {
          setData(d)
          setError(undefined)
        }
      })
      .catch((e) => !cancelled && setError(e))
      .finally(() => !cancelled && setLoading(false))
    return () => {
      cancelled = true
    }
  }, [path, version])
  return { data, error, loading, reload }
}
