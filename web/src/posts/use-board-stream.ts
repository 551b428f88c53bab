import { useEffect, useState } from 'react'
import { api } from '../api/client.ts'
import type { BoardSnapshot } from './types.ts'

// After the stream fails for good (the server refused it), try again this much later.
const RETRY_MS = 5_000

/**
 * A post's board, kept current by the server's event stream. The browser reconnects on its own after a dropped
 * connection; a refused stream (signed out, no access) is asked for once as a plain request, so the usual error
 * (or the sign-in screen) appears, and then tried again.
 */
export function useBoardStream(post: string | null) {
  const [board, setBoard] = useState<BoardSnapshot | null>(null)
  const [live, setLive] = useState(false)
  const [error, setError] = useState<unknown>()

  useEffect(() => {
    setBoard(null)
    setError(undefined)
    if (!post) return
    let source: EventSource | null = null
    let retry: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const url = `/api/posts/${encodeURIComponent(post)}/board`
    const connect = () => {
      source = new EventSource(`${url}/stream`)
      source.onopen = () => setLive(true)
      source.addEventListener('board', (e) => {
        setBoard(JSON.parse((e as MessageEvent<string>).data))
        setError(undefined)
        setLive(true)
      })
      source.onerror = () => {
        setLive(false)
        if (source?.readyState !== EventSource.CLOSED || stopped) return
        api<BoardSnapshot>('GET', url)
          .then((b) => {
            setBoard(b)
            setError(undefined)
          })
          .catch(setError)
          .finally(() => {
            if (!stopped) retry = setTimeout(connect, RETRY_MS)
          })
      }
    }
    connect()
    return () => {
      stopped = true
      clearTimeout(retry)
      source?.close()
      setLive(false)
    }
  }, [post])

  return { board, live, error }
}
