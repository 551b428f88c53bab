import { z } from 'zod'
import { text } from '../../platform/http/text.ts'
import { EXPORT_FORMATS } from './export-files.ts'
import { QueryBody } from './statistics.schemas.ts'

const isoDay = text().max(10)
const name = text().min(1).max(40)

export const ExportFormatQuery = z.strictObject({ format: z.enum(EXPORT_FORMATS).default('csv') })

/**
 * The query of a GET export, for a plain download link: dimensions as a comma list, filters as
 * `dimension:value` pairs (the value after the last colon, so `period:month:2026-10` works).
 */
export const ExportGetQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  measure: name,
  dimensions: text().max(200).default(''),
  from: isoDay,
  to: isoDay,
  filters: text().max(2000).optional(),
})

export const Privacy = z
  .strictObject({
    mechanism: z.enum(['laplace', 'gaussian']),
    epsilon: z.number().positive().max(10),
    delta: z.number().positive().lt(1).optional(),
    release: text().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/),
  })
  .refine((p) => p.mechanism === 'laplace' || p.delta !== undefined, {
    path: ['delta'],
    message: 'statistics.errors.gaussianNeedsDelta',
  })

/** The same body as `POST /api/statistics/query`, with optional differential privacy for a release. */
export const ExportBody = QueryBody.extend({ privacy: Privacy.optional() })

export const MonthlyReportQuery = z.strictObject({
  month: text().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  post: text().min(1).max(40).optional(),
  lang: z.enum(['en', 'km']).optional(),
})

export const MicrodataQuery = z.strictObject({
  from: isoDay,
  to: isoDay,
  // No default and no lower bound here: the use case applies the administrator's floor (k-floor.ts).
  k: z.coerce.number().int().max(1000).optional(),
  format: z.enum(['csv', 'json']).default('csv'),
})

export function parseGetQuery(q: z.infer<typeof ExportGetQuery>) {
  const filters: Record<string, string[]> = {}
  for (const pair of (q.filters ?? '').split(',').filter((p) => p !== '')) {
    const at = pair.lastIndexOf(':')
    const dimension = pair.slice(0, Math.max(0, at))
    filters[dimension] = [...(filters[dimension] ?? []), pair.slice(at + 1)]
  }
  return {
    measure: q.measure,
    dimensions: q.dimensions.split(',').filter((d) => d !== ''),
    from: q.from,
    to: q.to,
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
  }
}

/** The administrator's k floor: range-checked in the use case (`checkKFloor`), so the error names the bounds. */
export const KFloorBody = z.strictObject({ kFloor: z.number().int() })
