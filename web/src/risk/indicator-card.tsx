import { useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { ConditionText, type FieldDomains } from './condition-text.tsx'
import { IndicatorEditor } from './indicator-editor.tsx'
import type { CatalogueEntry, RuleSetDetail } from './types.ts'

/** One indicator: what it looks for, in words, with its weight, action and the sources it rests on. */
export function IndicatorCard(props: {
  entry: CatalogueEntry
  index: number
  version: RuleSetDetail
  domains: FieldDomains
  editable: boolean
  onSaved(): void
}) {
  const { t, locale } = useI18n()
  const { entry, editable } = props
  const [editing, setEditing] = useState(false)
  const text = entry.text[locale]
  return (
    <article className="indicator" aria-labelledby={`ind-${entry.id}`}>
      <h3 id={`ind-${entry.id}`}>{text.name}</h3>
      <p className="muted">
        <code>{entry.id}</code> · {t(`risk.categories.${entry.category}`)} ·{' '}
        {t('risk-web.indicator.weight', { weight: entry.weight })} · {t(`risk.actions.${entry.action}`)}
      </p>
      <p>{text.description}</p>
      <ConditionText condition={entry.condition} domains={props.domains} />
      <details>
        <summary>{t('risk-web.indicator.sources', { count: entry.evidence.length })}</summary>
        {/* The sources are cited as published, in English: marked so, for screen readers and the Khmer walk. */}
        <ul lang="en">
          {entry.evidence.map((e) => (
            <li key={`${e.publisher}-${e.title}`}>
              {e.url ? <a href={e.url}>{e.title}</a> : e.title} — {e.publisher}, {e.year}. {e.supports}
            </li>
          ))}
        </ul>
      </details>
      {editable && !editing && (
        <button type="button" onClick={() => setEditing(true)}>
          {t('risk-web.editor.edit', { name: entry.id })}
        </button>
      )}
      {editing && <IndicatorEditor {...props} onClose={() => setEditing(false)} />}
    </article>
  )
}
