import type { KeyboardEvent } from 'react'
import { useI18n } from '../i18n/i18n.tsx'

/**
 * A group of on/off chips (triage flags, needs). While focus is anywhere in the group, the letter shown on a chip
 * toggles it, so an officer tabs into the group, types `m` `p` and tabs on; Space toggles the focused chip.
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
  const { t } = useI18n()
  const toggle = (o: T) => onChange(options.filter((x) => (x === o ? !value.includes(x) : value.includes(x))))
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const hit = options.find((o) => keys[o] === e.key.toLowerCase())
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
      {options.map((o) => (
        <label key={o} className={value.includes(o) ? 'chip chip-on' : 'chip'}>
          <input type="checkbox" checked={value.includes(o)} onChange={() => toggle(o)} />
          {label(o)}{' '}
          <span className="chip-key" aria-hidden="true">
            {keys[o].toUpperCase()}
          </span>
        </label>
      ))}
    </fieldset>
  )
}
