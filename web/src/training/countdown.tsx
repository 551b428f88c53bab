import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'

const secondsLeft = (deadline: string, skew: number) =>
  Math.ceil((Date.parse(deadline) - (Date.now() + skew)) / 1000)

/**
 * The document's time, counted down against the server's clock: the browser's own clock is corrected by the
 * difference read when the document was opened, so a wrong clock on the counter's PC neither gives nor takes
 * time. The score does not trust this display: the server times the answer itself.
 */
export function Countdown({ deadline, serverNow }: { deadline: string; serverNow: string }) {
  const { t } = useI18n()
  const [skew] = useState(() => Date.parse(serverNow) - Date.now())
  const [seconds, setSeconds] = useState(() => secondsLeft(deadline, skew))
  useEffect(() => {
    setSeconds(secondsLeft(deadline, skew))
    const timer = window.setInterval(() => setSeconds(secondsLeft(deadline, skew)), 1000)
    return () => window.clearInterval(timer)
  }, [deadline, skew])
  if (seconds <= 0)
    return (
      <p className="countdown countdown-over" role="alert" data-testid="countdown">
        {t('training.web.time_up')}
      </p>
    )
  // A timer is not announced every second (it would drown the screen reader); the last ten seconds are.
  return (
    <p
      className={seconds <= 10 ? 'countdown countdown-low' : 'countdown'}
      role="timer"
      aria-live={seconds <= 10 ? 'polite' : 'off'}
      data-testid="countdown"
    >
      {t('training.web.time_left', { seconds })}
    </p>
  )
}
