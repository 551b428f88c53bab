import { randomBytes } from 'node:crypto'
import { sliceTable } from '../../domain/statistics/published-slice.ts'
import type { RandomSource } from '../../domain/statistics/random.ts'
import type { PublishedTable } from '../../domain/statistics/suppress-aggregate.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import type { RequestActor } from '../identity/actor.ts'
import { completeDomains } from './export-domains.ts'
import { type ExportTable, mechanismOf, type PrivacyRequest, protectForExport } from './export-protect.ts'
import { lockRelease, saveSpend } from './export-releases.ts'
import { readFreshness } from './freshness.ts'
import { labelsFor } from './labels.ts'
import type { Measure } from './measures.ts'
import { statisticsTable } from './query-statistics.ts'
import type { StatisticsQuery, StatisticsResult } from './statistics.contract.ts'
import { refuse } from './statistics-access.ts'

export interface ExportPrivacy extends PrivacyRequest {
  /** The release whose budget this export spends. */
  release: string
}

/** Uniform in [0, 1) from the operating system's generator: noise an observer cannot predict or replay. */
export const secureRandom: RandomSource = () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48

/**
 * One disclosure-controlled table as it leaves the server: the fixed table of the request is counted,
 * optionally made noisy, suppressed with its margins, then cut to the filters. Shared by the exports and
 * the monthly report, so both publish exactly what the rules allow.
 */
export async function controlledTable(o: {
  trx: Tx
  /** Where the table is read: the read replica's handle (`Store.read`) or, by default, the transaction (always, when a release's budget is spent). */
  read?: Executor
  actor: RequestActor
  query: StatisticsQuery
  locale: Locale
  threshold: number
  noise?: { privacy: ExportPrivacy; random: RandomSource }
  /** False where a small slice is better shown withheld than refused (a section of a report). */
  refuseSmall?: boolean
}): Promise<{
  result: StatisticsResult
  measure: Measure
  table: PublishedTable
  noise: ExportTable['noise']
}> {
  const table = await statisticsTable({
    db: o.noise ? o.trx : (o.read ?? o.trx),
    actor: o.actor,
    query: o.query,
    threshold: o.threshold,
    purpose: 'export',
  })
  let noise: Parameters<typeof protectForExport>[1]['noise']
  if (o.noise) {
    const budget = await lockRelease(o.trx, o.noise.privacy.release, o.actor.id)
    noise = { mechanism: mechanismOf(o.noise.privacy), budget, random: o.noise.random }
  }
  const protectedTable = protectForExport(table.result, {
    threshold: o.threshold,
    domains: noise ? await completeDomains(o.trx, table.result.dimensions, table.domains) : table.domains,
    noise,
  })
  if (!protectedTable.ok) {
    const { code, params = {} } = protectedTable.error
    if (code === 'statistics.errors.privacyBudgetExceeded') {
      throw new AppError('rule_violation', {}, [
        {
          path: 'body.privacy.epsilon',
          code: 'exports.errors.budgetExceeded',
          params: { ...params, release: o.noise?.privacy.release },
        },
      ])
    }
    if (code === 'exports.errors.noiseNeedsDisjointCells') {
      const dimension = table.result.dimensions.find((d) => d.definition.multiValued)?.name ?? ''
      throw new AppError('rule_violation', {}, [{ path: 'body.dimensions', code, params: { dimension } }])
    }
    refuse(protectedTable.error, 'body.privacy')
  }
  const { noise: spent } = protectedTable.value
  if (o.noise && spent) await saveSpend(o.trx, o.noise.privacy.release, spent.budget)
  const sliced = sliceTable(protectedTable.value.table, table.dimensions, table.slice, {
    threshold: o.threshold,
    refuseSmall: o.refuseSmall ?? true,
  })
  if (!sliced.ok) refuse(sliced.error, 'body.filters')
  const cells = sliced.value.map((c) => ({ key: { ...c.key }, value: c.count, status: c.status }))
  return {
    result: {
      measure: table.measure,
      dimensions: table.dimensions,
      from: table.from,
      to: table.to,
      cells,
      labels: await labelsFor(o.trx, cells, table.dimensions, o.locale),
      disclosure: {
        threshold: o.threshold,
        suppressedCells: cells.filter((c) => c.status !== 'published').length,
      },
      // Exports read the cuboids with the queued deltas where the table was read: exact as of that moment.
      freshness: await readFreshness(o.noise ? o.trx : (o.read ?? o.trx)),
    },
    measure: table.measure,
    table: { dimensions: table.dimensions, cells: sliced.value },
    noise: spent,
  }
}
