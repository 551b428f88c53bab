import { useI18n } from '../i18n/i18n.tsx'
import type { Point, Shaped } from './shape.ts'
import { tableRows } from './shape.ts'

/**
 * The figures behind a chart as a plain table: for screen readers, and for officers who would rather read
 * numbers. Drill-down works from here too, by keyboard.
 */
export function DataTable({
  caption,
  categoryHeading,
  shaped,
  format,
  onDrill,
}: {
  caption: string
  categoryHeading: string
  shaped: Shaped
  format: (p: Point) => string
  onDrill?: (code: string) => void
}) {
  const { t } = useI18n()
  const single = shaped.series.length === 1 && shaped.series[0]?.code === ''
  return (
    <div className="chart-table">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryHeading}</th>
            {shaped.series.map((s) => (
              <th scope="col" key={s.code} className="num">
                {single ? t('dashboards.table.value') : s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tableRows(shaped).map((row) => (
            <tr key={row.category.code}>
              <th scope="row">
                {onDrill ? (
                  <button type="button" className="link-button" onClick={() => onDrill(row.category.code)}>
                    {row.category.label}
                  </button>
                ) : (
                  row.category.label
                )}
              </th>
              {row.points.map((p, i) => (
                <td key={shaped.series[i]?.code ?? i} className={p.value === null ? 'num withheld' : 'num'}>
                  {format(p)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
