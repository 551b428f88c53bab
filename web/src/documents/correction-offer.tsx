import { useI18n } from '../i18n/i18n.tsx'
import { MrzLines } from './mrz-lines.tsx'
import type { Correction } from './types.ts'

/**
 * A correction the engine found: proposed, never applied until the officer confirms it against the
 * document. Accepting reads the corrected lines as if the reader had typed them.
 */
export function CorrectionOffer({
  correction,
  onAccept,
}: {
  correction: Correction
  onAccept(lines: string[]): void
}) {
  const { t } = useI18n()
  return (
    <section className="card correction" aria-labelledby="correction-title">
      <h2 id="correction-title">{t('reading.correction.title')}</h2>
      <p>{t('documents.correction.offer')}</p>
      <MrzLines lines={correction.lines} changes={correction.changes} label={t('reading.correction.lines')} />
      <ul>
        {correction.changes.map((c) => (
          <li key={`${c.line}-${c.index}`}>{c.message}</li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={() => onAccept(correction.lines)}>
        {t('reading.correction.accept')}
      </button>
    </section>
  )
}
