import { useCallback, useRef, useState } from 'react'
import { api } from '../api/client.ts'
import { typedLines } from './mrz-shape.ts'
import type { ReadResult } from './types.ts'

/**
 * Sends what the reader typed to the server, exactly as typed. The same lines are not read twice in a row
 * (a burst's final Enter after an early read), and an answer that arrives after a newer request is dropped.
 */
export function useMrzReader() {
  const [result, setResult] = useState<ReadResult | null>(null)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const sequence = useRef(0)
  const lastRead = useRef('')

  const read = useCallback(async (text: string) => {
    const key = typedLines(text).join('\n')
    if (!key || key === lastRead.current) return
    lastRead.current = key
    const n = ++sequence.current
    setBusy(true)
    try {
      const answer = await api<ReadResult>('POST', '/api/documents/read', { body: { text } })
      if (n === sequence.current) {
        setResult(answer)
        setError(undefined)
      }
    } catch (err) {
      if (n === sequence.current) {
        setError(err)
        lastRead.current = ''
      }
    } finally {
      if (n === sequence.current) setBusy(false)
    }
  }, [])

  const clear = useCallback(() => {
    sequence.current++
    lastRead.current = ''
    setResult(null)
    setError(undefined)
    setBusy(false)
  }, [])

  return { result, error, busy, read, clear, show: setResult }
}
