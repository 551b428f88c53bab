import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { allowedScope } from '../../domain/identity/policy.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { multilineText } from '../../platform/http/text.ts'
import { recordOutcome } from './record-outcome.ts'
import { IdParams } from './risk.schemas.ts'
import { indicatorOutcomes, weeklyTriggers } from './risk-analysis.ts'

const DAY = 86_400_000
const AnalysisQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
})
const OutcomeBody = z.strictObject({
  outcome: z.enum(['confirmed', 'not_confirmed']),
  note: multilineText().trim().max(2000).default(''),
})
const AnalysisView = z.object({
  from: z.string(),
  to: z.string(),
  postCode: z.string().nullable(),
  indicators: z.array(
    z.object({
      indicatorId: z.string(),
      nameEn: z.string(),
      nameKm: z.string(),
      hits: z.number(),
      confirmed: z.number(),
      notConfirmed: z.number(),
      precision: z.number().nullable(),
    }),
  ),
  weeks: z.array(
    z.object({
      week: z.string(),
      postCode: z.string().nullable(),
      evaluations: z.number(),
      flagged: z.number(),
      hits: z.number(),
    }),
  ),
})

export async function analysisRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['risk']

  r.post(
    '/api/risk/evaluations/:id/outcome',
    { schema: { tags, params: IdParams, body: OutcomeBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) =>
          recordOutcome({ trx, actor: actorOf(req), evaluationId: req.params.id, ...req.body }),
        )
      return reply.code(204).send(null)
    },
  )

  r.get(
    '/api/risk/analysis',
    { schema: { tags, querystring: AnalysisQuery, response: { 200: AnalysisView } } },
    async (req) => {
      const actor = actorOf(req)
      const scope = allowedScope(actor, 'read', 'risk_analysis')
      if (!scope) throw new AppError('forbidden')
      const to = req.query.to ? new Date(`${req.query.to}T00:00:00Z`).getTime() + DAY : Date.now()
      const from = req.query.from ? new Date(`${req.query.from}T00:00:00Z`).getTime() : to - 90 * DAY
      if (from >= to) {
        throw new AppError('validation_failed', {}, [
          { path: 'query.from', code: 'validation.too_big', params: { maximum: req.query.to } },
        ])
      }
      // A post chief sees their own post; analysts see every post.
      const postCode = scope === 'national' ? undefined : (actor.postCode ?? '-')
      const filter = { from: new Date(from), to: new Date(to), postCode }
      const [indicators, weeks] = await Promise.all([
        indicatorOutcomes(db, filter),
        weeklyTriggers(db, filter),
      ])
      return {
        from: new Date(from).toISOString().slice(0, 10),
        to: req.query.to ?? new Date(to).toISOString().slice(0, 10),
        postCode: postCode ?? null,
        indicators,
        weeks,
      }
    },
  )
}
