import { useI18n } from '../i18n/i18n.tsx'
import { CorrectionOffer } from './correction-offer.tsx'
import { FactsList } from './facts-list.tsx'
import { FieldsTable } from './fields-table.tsx'
import { MrzLines } from './mrz-lines.tsx'
import type { ReadResult } from './types.ts'

/** The parse of one read: what the document says, what is wrong with it, and what that means today. */
export function ReadResultView({
  result,
  onAccept,
}: {
  result: ReadResult
  onAccept(lines: string[]): void
}) {
  const { t, formatNumber } = useI18n()
  const d = result.document
  const positionless = result.errors.filter((e) => e.line === null)
  return (
    <section className="card read-result" aria-labelledby="read-result-title" data-valid={result.valid}>
      <div className="page-head">
        <h2 id="read-result-title">
          {result.format ? t(`documents.format.${result.format}`) : t('reading.result.unreadable')}
        </h2>
        <span className={result.valid ? 'badge badge-ok' : 'badge badge-bad'} role="status">
          {t(result.valid ? 'reading.result.validDocument' : 'reading.result.invalidDocument')}
        </span>
      </div>
      {d && (
        <p className="banner banner-ok">
          {d.created
            ? t('reading.result.stored')
            : t('reading.result.seenBefore', { count: formatNumber(d.readCount) })}
        </p>
      )}
      {result.lines.length > 0 && (
        <MrzLines lines={result.lines} errors={result.errors} label={t('reading.result.lines')} />
      )}
      {positionless.map((e) => (
        <p key={e.code} className="field-error" role="alert">
          {e.message}
        </p>
      ))}
      {result.corrections[0] && <CorrectionOffer correction={result.corrections[0]} onAccept={onAccept} />}
      {result.facts && <FactsList facts={result.facts} />}
      {result.format && <FieldsTable fields={result.fields} errors={result.errors} />}
      {result.warnings.length > 0 && (
        <ul className="warnings" aria-label={t('reading.result.warnings')}>
          {result.warnings.map((w) => (
            <li key={`${w.code}-${w.line}-${w.start}`}>{w.message}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
