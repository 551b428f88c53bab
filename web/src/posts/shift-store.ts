import { useEffect, useSyncExternalStore } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import type { Shift } from './types.ts'

/**
 * The signed-in officer's shift, held once for the whole app: the shift bar opens it and the inspection screen
 * reads its counter, and both see the same value without fetching twice.
 */
interface State {
  userId: string | null
  shift: Shift | null
  loaded: boolean
  error: unknown
}

let state: State = { userId: null, shift: null, loaded: false, error: undefined }
const listeners = new Set<() => void>()
const set = (next: Partial<State>) => {
  state = { ...state, ...next }
  for (const l of listeners) l()
}
const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

async function load(userId: string) {
  set({ userId, loaded: false, shift: null, error: undefined })
  try {
    const { shift } = await api<{ shift: Shift | null }>('GET', '/api/shifts/current')
    if (state.userId === userId) set({ shift, loaded: true })
  } catch (error) {
    if (state.userId === userId) set({ error, loaded: true })
  }
}

/** The open shift of the signed-in user (null when none), with actions to open and close it. */
export function useCurrentShift() {
  const { session, can } = useSession()
  const current = useSyncExternalStore(subscribe, () => state)
  const userId = session?.user.id ?? null
  const allowed = can('shift:read')
  useEffect(() => {
    if (allowed && userId && state.userId !== userId) void load(userId)
  }, [allowed, userId])
  const mine = current.userId === userId
  return {
    shift: mine ? current.shift : null,
    loaded: mine && current.loaded,
    error: mine ? current.error : undefined,
    async open(counter: string) {
      const shift = await api<Shift>('POST', '/api/shifts', {
        body: { counter },
        idempotencyKey: newIdempotencyKey(),
      })
      set({ shift, error: undefined })
    },
    async close() {
      if (!state.shift) return
      await api<Shift>('POST', `/api/shifts/${state.shift.id}/close`)
      set({ shift: null, error: undefined })
    },
  }
}
