import { useCallback, useRef, useState } from 'react'
import { api } from '../api/client.ts'
import { typedLines } from '../documents/mrz-shape.ts'
import type { Inspection } from './types.ts'

/**
 * Sends what the reader typed for a primary inspection. The same lines are not inspected twice in a row (a burst's
 * final Enter after an early read would screen the traveller twice), and a late answer to an older read is dropped.
 */
export function useInspection() {
  const [inspection, setInspection] = useState<Inspection | null>(null)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const sequence = useRef(0)
  const last = useRef('')

  const inspect = useCallback(async (text: string) => {
    const key = typedLines(text).join('\n')
    if (!key || key === last.current) return
    last.current = key
    const n = ++sequence.current
    setBusy(true)
    try {
      const answer = await api<Inspection>('POST', '/api/crossings/inspect', { body: { text } })
      if (n === sequence.current) {
        setInspection(answer)
        setError(undefined)
      }
    } catch (err) {
      if (n === sequence.current) {
        setError(err)
        last.current = ''
      }
    } finally {
      if (n === sequence.current) setBusy(false)
    }
  }, [])

  const clear = useCallback(() => {
    sequence.current++
    last.current = ''
    setInspection(null)
    setError(undefined)
    setBusy(false)
  }, [])

  return { inspection, error, busy, inspect, clear }
}
