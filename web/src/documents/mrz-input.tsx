import { type ChangeEvent, type KeyboardEvent, type RefObject, useEffect, useId, useRef } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { looksComplete } from './mrz-shape.ts'

/**
 * A pause this long ends a paste or hand typing; a reader's burst is read as soon as its shape is complete. The
 * reader's Enter after a whole MRZ's last line ends the burst outright: read at once, not after the short wait
 * (which alone was most of the time between the read and the result the officer sees).
 */
const PAUSE_MS = 450
const BURST_END_MS = 60
const endsWithBreak = (text: string) => /[\r\n]$/.test(text)

export function MrzInput({
  text,
  inputRef,
  onText,
  onRead,
  onClear,
}: {
  text: string
  inputRef: RefObject<HTMLTextAreaElement | null>
  onText(text: string): void
  onRead(text: string): void
  onClear(): void
}) {
  const { t } = useI18n()
  const id = useId()
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => {
    inputRef.current?.focus()
    return () => window.clearTimeout(timer.current)
  }, [inputRef])

  const change = (e: ChangeEvent<HTMLTextAreaElement>) => {
    const value = e.target.value
    onText(value)
    window.clearTimeout(timer.current)
    if (!value.trim()) return onClear()
    const complete = looksComplete(value)
    if (complete && endsWithBreak(value)) return onRead(value)
    timer.current = window.setTimeout(() => onRead(value), complete ? BURST_END_MS : PAUSE_MS)
  }

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    window.clearTimeout(timer.current)
    onText('')
    onClear()
  }

  return (
    <div className="field">
      <label htmlFor={id}>{t('reading.input.label')}</label>
      <textarea
        id={id}
        ref={inputRef}
        className="mrz-input"
        rows={3}
        spellCheck={false}
        autoCapitalize="characters"
        autoComplete="off"
        value={text}
        onChange={change}
        onKeyDown={keyDown}
        aria-describedby={`${id}-hint`}
      />
      <small id={`${id}-hint`} className="hint">
        {t('reading.input.hint')}
      </small>
    </div>
  )
}
