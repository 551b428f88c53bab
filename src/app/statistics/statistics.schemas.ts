import { z } from 'zod'
import { text } from '../../platform/http/text.ts'
import type {
  IndicatorResult,
  StatisticsCatalog,
  StatisticsQuery,
  StatisticsResult,
} from './statistics.contract.ts'

/**
 * Shapes of `statistics.contract.ts` for validation and the OpenAPI document. Measures, dimensions and dates
 * are checked by the use case, so that a wrong one gets the statistics message that names it.
 */
const code = text().min(1).max(100)

export const QueryBody = z.strictObject({
  measure: text().min(1).max(40),
  dimensions: z.array(text().min(1).max(40)).max(8),
  from: text().max(10),
  to: text().max(10),
  filters: z.record(text().min(1).max(40), z.array(code).min(1).max(50)).optional(),
}) satisfies z.ZodType<StatisticsQuery>

export const IndicatorParams = z.strictObject({ id: text().min(1).max(60) })

export const IndicatorQuery = z.strictObject({
  from: text().max(10),
  to: text().max(10),
  post: text().min(1).max(40).optional(),
})

const Cell = z.object({
  key: z.record(z.string(), z.string()),
  value: z.number().nullable(),
  status: z.enum(['published', 'primary', 'secondary']),
})
const Labels = z.record(z.string(), z.record(z.string(), z.string()))
const Disclosure = z.object({ threshold: z.number().nullable(), suppressedCells: z.number() })
const Freshness = z.object({ asOf: z.string(), pending: z.number(), foldedAt: z.string().nullable() })

export const ResultView = z.object({
  measure: z.string(),
  dimensions: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  cells: z.array(Cell),
  labels: Labels,
  disclosure: Disclosure,
  freshness: Freshness,
}) satisfies z.ZodType<StatisticsResult>

export const IndicatorView = z.object({
  id: z.string(),
  labelKey: z.string(),
  definitionKey: z.string(),
  unit: z.enum(['count', 'percent', 'days', 'rate']),
  from: z.string(),
  to: z.string(),
  dimensions: z.array(z.string()),
  cells: z.array(Cell),
  labels: Labels,
  disclosure: Disclosure,
  freshness: Freshness,
}) satisfies z.ZodType<IndicatorResult>

export const CatalogView = z.object({
  measures: z.array(z.object({ id: z.string(), labelKey: z.string(), dimensions: z.array(z.string()) })),
  dimensions: z.array(
    z.object({
      id: z.string(),
      labelKey: z.string(),
      needsUnit: z.boolean(),
      values: z.array(z.object({ code: z.string(), label: z.string() })).optional(),
    }),
  ),
  indicators: z.array(z.object({ id: z.string(), labelKey: z.string(), definitionKey: z.string() })),
  suppressionThreshold: z.number().nullable(),
}) satisfies z.ZodType<StatisticsCatalog>
