import { useEffect, useRef, useState } from 'react'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import './documents.css'
import { ExaminationPanel } from './examination-panel.tsx'
import { ManualEntryForm } from './manual-entry-form.tsx'
import { MrzInput } from './mrz-input.tsx'
import { ReadResultView } from './read-result.tsx'
import { useMrzReader } from './use-mrz-reader.ts'

/**
 * The counter's first screen: the reader types the MRZ into the focused box, the panel reads it as soon as
 * the burst is complete, and the examination checklist follows for the stored document.
 */
export function ReadDocumentPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const reader = useMrzReader()
  const [text, setText] = useState('')
  const [manual, setManual] = useState(false)
  const input = useRef<HTMLTextAreaElement>(null)

  const clear = () => {
    reader.clear()
    input.current?.focus()
  }
  const accept = (lines: string[]) => {
    const corrected = lines.join('\n')
    setText(corrected)
    void reader.read(corrected)
    input.current?.focus()
  }
  // Escape starts again from anywhere in the reading part (the box handles its own); forms keep their keys.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (e.key !== 'Escape' || e.defaultPrevented || manual || target?.closest('form')) return
      setText('')
      reader.clear()
      input.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [manual, reader.clear])
  const stored = reader.result?.document
  const templateId = reader.result?.templateId

  return (
    <>
      <div className="page-head">
        <h1>{t('reading.title')}</h1>
        {!manual && (
          <button type="button" onClick={() => setManual(true)}>
            {t('reading.manual.open')}
          </button>
        )}
      </div>
      {manual ? (
        <ManualEntryForm
          onResult={(r) => {
            reader.show(r)
            if (r.document) setManual(false)
          }}
          onCancel={() => setManual(false)}
        />
      ) : (
        <section className="card" aria-label={t('reading.input.section')}>
          <MrzInput
            text={text}
            inputRef={input}
            onText={setText}
            onRead={(v) => void reader.read(v)}
            onClear={clear}
          />
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setText('')
                clear()
              }}
            >
              {t('reading.input.clear')} <kbd>Esc</kbd>
            </button>
            {reader.busy && (
              <span className="muted" aria-live="polite">
                {t('reading.input.reading')}
              </span>
            )}
          </div>
        </section>
      )}
      <ErrorBanner error={reader.error} />
      {reader.result && <ReadResultView result={reader.result} onAccept={accept} />}
      {stored && templateId && can('examination:create') && (
        <ExaminationPanel key={stored.id} documentId={stored.id} templateId={templateId} />
      )}
    </>
  )
}
