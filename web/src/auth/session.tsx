import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts'
import type { Session } from '../api/types.ts'
import { type Locale, useI18n } from '../i18n/i18n.tsx'

interface SessionState {
  session: Session | null
  loading: boolean
  signIn(username: string, password: string): Promise<void>
  signOut(): Promise<void>
  replace(session: Session): void
  changeLocale(locale: Locale): Promise<void>
  can(capability: string): boolean
}

const Ctx = createContext<SessionState | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale, locale } = useI18n()
  const [session, setSession] = useState<Session | null>(null)
  const [loading, setLoading] = useState(true)
  // A language picked on the sign-in page is a choice made on purpose: it is sent with the sign-in and kept.
  const [chosenBeforeSignIn, setChosenBeforeSignIn] = useState(false)

  const replace = useCallback(
    (s: Session | null) => {
      setCsrfToken(s?.csrfToken ?? null)
      setSession(s)
      if (s) setLocale(s.user.locale)
    },
    [setLocale],
  )

  useEffect(() => {
    setUnauthenticatedHandler(() => replace(null))
    api<Session>('GET', '/api/auth/session')
      .then(replace)
      .catch(() => replace(null))
      .finally(() => setLoading(false))
  }, [replace])

  const value = useMemo<SessionState>(
    () => ({
      session,
      loading,
      replace,
      async signIn(username, password) {
        const body = { username, password, ...(chosenBeforeSignIn ? { locale } : {}) }
        replace(await api<Session>('POST', '/api/auth/sign-in', { body, locale }))
        setChosenBeforeSignIn(false)
      },
      async signOut() {
        await api('POST', '/api/auth/sign-out').catch(() => undefined)
        replace(null)
      },
      async changeLocale(next) {
        setLocale(next)
        if (!session) return setChosenBeforeSignIn(true)
        try {
          replace(await api<Session>('PUT', '/api/auth/locale', { body: { locale: next } }))
        } catch (err) {
          // Chosen while the session was ending (a sign-out in flight): it is a choice for the next sign-in.
          if (err instanceof ApiError && err.status === 401) setChosenBeforeSignIn(true)
          else throw err
        }
      },
      can: (capability) => session?.capabilities.includes(capability) ?? false,
    }),
    [session, loading, replace, setLocale, locale, chosenBeforeSignIn],
  )
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useSession(): SessionState {
  const ctx = useContext(Ctx)
  if (!ctx) throw new Error('useSession outside SessionProvider')
  return ctx
}
