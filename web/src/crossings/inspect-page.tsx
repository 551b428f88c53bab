import { useEffect, useRef, useState } from 'react'
import { MrzInput } from '../documents/mrz-input.tsx'
import '../documents/documents.css'
import { useI18n } from '../i18n/i18n.tsx'
import { EvaluationResult } from '../risk/evaluation-result.tsx'
import '../screening/screening.css'
import { LinkBanner } from '../offline/link-banner.tsx'
import { HitCard } from '../screening/hit-card.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import type { Recent } from './companions-field.tsx'
import './crossings.css'
import { DecisionForm } from './decision-form.tsx'
import { IdentityCandidates } from './identity-candidates.tsx'
import { RecordPanel } from './record-panel.tsx'
import { useInspection } from './use-inspection.ts'

/** Travellers offered as companions: a family or a group passes one counter within minutes. */
const RECENT_MAX = 8

/**
 * Primary inspection, keyboard-first: the reader types the MRZ into the focused box; the record, the alert-list
 * hits and the risk reasons follow in one request; the officer decides and Enter records. Escape starts again.
 */
export function InspectPage() {
  const { t } = useI18n()
  const ins = useInspection()
  const [text, setText] = useState('')
  const [recorded, setRecorded] = useState('')
  const [recent, setRecent] = useState<Recent[]>([])
  const input = useRef<HTMLTextAreaElement>(null)

  const next = () => {
    setText('')
    ins.clear()
    input.current?.focus()
  }
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      setText('')
      ins.clear()
      input.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [ins.clear])

  const i = ins.inspection
  const onRecorded = (message: string) => {
    if (i) {
      const p = i.traveller
      const me = { id: p.id, name: `${p.givenNames} ${p.surname}`, birthDate: p.birthDate }
      setRecent((r) => [me, ...r.filter((x) => x.id !== me.id)].slice(0, RECENT_MAX))
    }
    setRecorded(message)
    next()
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('crossings.title')}</h1>
      </div>
      <LinkBanner {...(i ? { refreshKey: i.screening.requestId } : {})} />
      <section className="card" aria-label={t('crossings.input.section')}>
        <MrzInput
          text={text}
          inputRef={input}
          onText={(v) => {
            setText(v)
            if (v) setRecorded('')
          }}
          onRead={(v) => void ins.inspect(v)}
          onClear={ins.clear}
        />
        <div className="actions">
          <button type="button" onClick={next}>
            {t('crossings.form.next')} <kbd>Esc</kbd>
          </button>
          {ins.busy && (
            <span className="muted" aria-live="polite">
              {t('crossings.inspecting')}
            </span>
          )}
        </div>
        {recorded && (
          <p className="banner banner-ok" role="status">
            {recorded}
          </p>
        )}
      </section>
      <ErrorBanner error={ins.error} />
      {i && (
        <div className="inspection" key={i.screening.requestId}>
          <IdentityCandidates
            inspection={i}
            onLinked={() => {
              ins.clear()
              void ins.inspect(text)
            }}
          />
          <RecordPanel inspection={i} />
          <section className="card" aria-labelledby="hits-title" data-testid="screening-hits">
            <h2 id="hits-title">{t('crossings.screening.title')}</h2>
            {i.screening.hits.length === 0 ? (
              <p>{t('crossings.screening.none')}</p>
            ) : (
              i.screening.hits.map((h) => <HitCard key={h.id} hit={h} />)
            )}
          </section>
          <EvaluationResult evaluation={i.risk} />
          <DecisionForm inspection={i} recent={recent} onRecorded={onRecorded} />
        </div>
      )}
    </>
  )
}
