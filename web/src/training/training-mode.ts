import { useSyncExternalStore } from 'react'

/**
 * Training mode is a state of this browser tab: while it is on, the shell shows the training ribbon on every
 * screen and opens nothing but the training ground, whose API holds only generated specimens (no live data).
 */
const KEY = 'passage.training-mode'
const listeners = new Set<() => void>()

export function setTrainingMode(on: boolean): void {
  if (on) sessionStorage.setItem(KEY, '1')
  else sessionStorage.removeItem(KEY)
  for (const l of listeners) l()
}

export function useTrainingMode(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => sessionStorage.getItem(KEY) === '1',
  )
}
