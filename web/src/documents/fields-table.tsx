import { useI18n } from '../i18n/i18n.tsx'
import type { MrzFields, MrzIssue } from './types.ts'

/** Each row: the field shown, and the engine field whose errors make it invalid (a name error marks both parts). */
const ROWS: [keyof MrzFields, string][] = [
  ['documentCode', 'documentCode'],
  ['issuingState', 'issuingState'],
  ['documentNumber', 'documentNumber'],
  ['surname', 'name'],
  ['givenNames', 'name'],
  ['nationality', 'nationality'],
  ['birthDate', 'birthDate'],
  ['sex', 'sex'],
  ['expiryDate', 'expiryDate'],
  ['personalNumber', 'personalNumber'],
  ['optionalData', 'optionalData'],
  ['optionalData2', 'optionalData2'],
]

export function FieldsTable({ fields, errors }: { fields: MrzFields; errors: MrzIssue[] }) {
  const { t, formatDay } = useI18n()
  // Dates day-first in the reader's digits, like every other date; the rest as the document prints it.
  const shown = (key: keyof MrzFields) => {
    const v = fields[key]
    if (!v) return '—'
    return key === 'birthDate' || key === 'expiryDate' ? formatDay(String(v)) : v
  }
  const compositeError = errors.find((e) => e.field === 'composite')
  return (
    <table className="data mrz-fields">
      <caption className="visually-hidden">{t('reading.result.fields')}</caption>
      <tbody>
        {ROWS.filter(([key]) => fields[key] !== undefined).map(([key, source]) => {
          const problems = errors.filter((e) => e.field === source)
          const ok = problems.length === 0
          return (
            <tr key={key} data-field={key} data-valid={ok}>
              <th scope="row">{t(`documents.field.${key}`)}</th>
              <td className="mrz-value">{shown(key)}</td>
              <td>
                <span
                  className={ok ? 'mark mark-ok' : 'mark mark-bad'}
                  role="img"
                  aria-label={t(ok ? 'reading.result.valid' : 'reading.result.invalid')}
                >
                  {ok ? '✓' : '✗'}
                </span>
                {problems.map((p) => (
                  <div key={`${p.code}-${p.start}`} className="field-error">
                    {p.message}
                  </div>
                ))}
              </td>
            </tr>
          )
        })}
        {compositeError && (
          <tr data-field="composite" data-valid={false}>
            <th scope="row">{t('documents.field.composite')}</th>
            <td className="mrz-value">—</td>
            <td>
              <span className="mark mark-bad" role="img" aria-label={t('reading.result.invalid')}>
                ✗
              </span>
              <div className="field-error">{compositeError.message}</div>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
