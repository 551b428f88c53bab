import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { idempotencyKeyOf, idempotent } from '../../platform/http/idempotency.ts'
import { answerReferral } from './answer-referral.ts'
import { listReferrals } from './list-referrals.ts'
import { providersById } from './names.repository.ts'
import { presentIdentification } from './person.presenter.ts'
import { findIdentification } from './persons.repository.ts'
import { IdParams, ReferralBody, ReferralCommandBody, ReferralQuery } from './protection.schemas.ts'
import { ReferralListView, ReferralStatusView } from './protection.views.ts'
import { isProtectionRole } from './protection-actor.ts'
import { referToProtection } from './refer-to-protection.ts'
import { presentReferralStatus } from './referral.presenter.ts'
import { auditRefusal } from './refusal-audit.ts'

const tags = ['protection']
const SentReferralView = ReferralStatusView.extend({
  screening: z.object({
    outcome: z.string().nullable(),
    isChild: z.boolean().nullable(),
    bestInterestsSteps: z.array(z.string()),
    suggestedServices: z.array(z.string()),
  }),
})
const AnsweredReferralView = ReferralStatusView.extend({ caseId: z.string().nullable() })

export async function referralsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store

  r.post(
    '/api/protection/referrals',
    { schema: { tags, body: ReferralBody, response: { 201: SentReferralView, 200: SentReferralView } } },
    async (req, reply) => {
      const actor = actorOf(req)
      const b = req.body
      const subject =
        'person' in b
          ? { kind: 'new' as const, person: b.person, answers: b.answers, context: b.context }
          : { kind: 'existing' as const, personId: b.personId, caseId: b.caseId }
      const attempt = { db, actor, attempted: 'create', resource: 'referral' as const, recordId: null }
      const { result, replayed } = await auditRefusal(attempt, () =>
        db.transaction().execute((trx) =>
          idempotent({
            trx,
            userId: actor.id,
            key: idempotencyKeyOf(req),
            operation: 'protection.referrals.create',
            request: b,
            run: async () => {
              const row = await referToProtection({ trx, actor, subject, ...b })
              const providers = await providersById(trx, [row.provider_id])
              const screening = row.identification_id
                ? await findIdentification(trx, row.identification_id)
                : undefined
              // The screener sees the recommendation of the screening they just did, nothing recorded by others.
              const { outcome, isChild, bestInterestsSteps, suggestedServices } = screening
                ? presentIdentification(screening)
                : { outcome: null, isChild: null, bestInterestsSteps: [], suggestedServices: [] }
              return {
                ...presentReferralStatus(row, providers.get(row.provider_id)),
                screening: { outcome, isChild, bestInterestsSteps, suggestedServices },
              }
            },
          }),
        ),
      )
      return reply.code(replayed ? 200 : 201).send(result)
    },
  )

  r.get(
    '/api/protection/referrals',
    { schema: { tags, querystring: ReferralQuery, response: { 200: ReferralListView } } },
    async (req) => ({
      items: await listReferrals({ db, actor: actorOf(req), query: req.query }),
      content: isProtectionRole(actorOf(req)),
    }),
  )

  r.post(
    '/api/protection/referrals/:id/events',
    {
      schema: { tags, params: IdParams, body: ReferralCommandBody, response: { 200: AnsweredReferralView } },
    },
    async (req) => {
      const actor = actorOf(req)
      const attempt = {
        db,
        actor,
        attempted: req.body.type,
        resource: 'referral' as const,
        recordId: req.params.id,
      }
      const row = await auditRefusal(attempt, () =>
        db
          .transaction()
          .execute((trx) => answerReferral({ trx, actor, referralId: req.params.id, command: req.body })),
      )
      const providers = await providersById(db, [row.provider_id])
      return { ...presentReferralStatus(row, providers.get(row.provider_id)), caseId: row.case_id }
    },
  )
}
