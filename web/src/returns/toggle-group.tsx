import { type KeyboardEvent, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { keyLabel } from './khmer-keys.ts'

const ARROWS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

/**
 * A group of on/off chips (triage flags, needs). While focus is anywhere in the group, the letter shown on a chip
 * toggles it, so an officer tabs into the group, types `m` `p` and tabs on; Space toggles the focused chip. The
 * group is one Tab stop (arrows move inside it), so the referral below is three Tabs away, not a dozen. Letters
 * are matched by the physical key, so they work with the Khmer keyboard layout on too (the key T sends "ត").
 */
export function ToggleGroup<T extends string>({
  legend,
  options,
  keys,
  label,
  value,
  onChange,
  testId,
}: {
  legend: string
  options: readonly T[]
  keys: Record<T, string>
  label(option: T): string
  value: readonly string[]
  onChange(next: T[]): void
  testId: string
}) {
  const { t, locale } = useI18n()
  const [current, setCurrent] = useState(0)
  const refs = useRef<(HTMLInputElement | null)[]>([])
  const toggle = (o: T) => onChange(options.filter((x) => (x === o ? !value.includes(x) : value.includes(x))))
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const step = ARROWS[e.key]
    if (step) {
      e.preventDefault()
      const next = (current + step + options.length) % options.length
      setCurrent(next)
      refs.current[next]?.focus()
      return
    }
    const letter = /^Key([A-Z])$/.exec(e.code)?.[1]?.toLowerCase() ?? e.key.toLowerCase()
    const hit = options.find((o) => keys[o] === letter)
    if (hit) {
      e.preventDefault()
      toggle(hit)
    }
  }
  return (
    <fieldset className="toggle-group" onKeyDown={onKeyDown} data-testid={testId}>
      <legend>
        {legend} <small className="hint">{t('returns.form.toggleHint')}</small>
      </legend>
      {options.map((o, i) => (
        <label key={o} className={value.includes(o) ? 'chip chip-on' : 'chip'}>
          <input
            ref={(el) => {
              refs.current[i] = el
            }}
            type="checkbox"
            tabIndex={i === current ? 0 : -1}
            onFocus={() => setCurrent(i)}
            checked={value.includes(o)}
            onChange={() => toggle(o)}
          />
          {label(o)}{' '}
          <span className="chip-key" aria-hidden="true" title={keys[o].toUpperCase()}>
            {keyLabel(keys[o], locale)}
          </span>
        </label>
      ))}
    </fieldset>
  )
}
