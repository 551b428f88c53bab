import { type FormEvent, type KeyboardEvent, useState } from 'react'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { cambodiaTime } from './cambodia-time.ts'
import { usePostName } from './use-post-name.ts'
import './posts.css'
import { useCurrentShift } from './shift-store.ts'

/**
 * One line above the page for officers at a post: the post and counter they work at and since when, or a button
 * that asks for the counter and opens the shift. The counter box appears only when asked for, so it never stands
 * beside the decision form's own counter field. Renders nothing for roles without shifts.
 */
export function ShiftBar() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const current = useCurrentShift()
  const [choosing, setChoosing] = useState(false)
  const [counter, setCounter] = useState('')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const postName = usePostName(current.shift?.postCode)
  if (!can('shift:create') || !current.loaded) return null

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
      setCounter('')
      setChoosing(false)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const onOpen = (e: FormEvent) => {
    e.preventDefault()
    if (counter.trim()) void run(() => current.open(counter))
  }
  const cancel = () => {
    setChoosing(false)
    setError(undefined)
  }
  // Escape here closes the counter box only; the inspection page would otherwise clear the traveller too.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    cancel()
  }
  const s = current.shift

  return (
    <section className="shift-bar" aria-label={t('posts.shift.label')} data-testid="shift-bar">
      {s ? (
        <>
          <span>
            <strong>{t('posts.shift.label')}</strong>{' '}
            {t('posts.shift.current', {
              post: postName,
              counter: s.counter,
              since: cambodiaTime(s.openedAt, locale, true),
            })}
          </span>
          <button type="button" disabled={busy} onClick={() => void run(current.close)}>
            {t('posts.shift.close')}
          </button>
        </>
      ) : choosing ? (
        <form onSubmit={onOpen} onKeyDown={onKeyDown} className="shift-open">
          <label>
            {t('posts.shift.counter')}{' '}
            <input
              value={counter}
              onChange={(e) => setCounter(e.target.value)}
              maxLength={20}
              size={6}
              required
              autoComplete="off"
              // biome-ignore lint/a11y/noAutofocus: the officer asked for this box by pressing the button
              autoFocus
            />
          </label>
          <button type="submit" className="primary" disabled={busy || !counter.trim()}>
            {t('posts.shift.open')}
          </button>
          <button type="button" onClick={cancel}>
            {t('web.common.cancel')}
          </button>
        </form>
      ) : (
        <>
          <span className="muted">{t('posts.shift.none')}</span>
          <button type="button" onClick={() => setChoosing(true)}>
            {t('posts.shift.open')}
          </button>
        </>
      )}
      <ErrorBanner error={error ?? current.error} />
    </section>
  )
}
