import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { idempotencyKeyOf, idempotent } from '../../platform/http/idempotency.ts'
import { completeFollowUp, scheduleFollowUp } from './follow-ups.ts'
import {
  AssistanceBody,
  CompleteFollowUpBody,
  FollowUpBody,
  FollowUpParams,
  IdParams,
} from './protection.schemas.ts'
import { recordAssistance } from './record-assistance.ts'
import { auditRefusal } from './refusal-audit.ts'

const tags = ['protection']
const AssistanceView = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  service: z.string(),
  at: z.string(),
})
const ScheduledView = z.object({ id: z.string(), dueDate: z.string() })

/** Assistance given (immediate, on a referral, or in a case) and follow-up visits. */
export async function careRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store

  r.post(
    '/api/protection/assistance',
    { schema: { tags, body: AssistanceBody, response: { 201: AssistanceView, 200: AssistanceView } } },
    async (req, reply) => {
      const actor = actorOf(req)
      const b = req.body
      const attempt = {
        db,
        actor,
        attempted: 'recordAssistance',
        resource: 'case' as const,
        recordId: b.caseId,
      }
      const { result, replayed } = await auditRefusal(attempt, () =>
        db.transaction().execute((trx) =>
          idempotent({
            trx,
            userId: actor.id,
            key: idempotencyKeyOf(req),
            operation: 'protection.assistance.create',
            request: b,
            run: async () => {
              const providedAt = b.providedAt ? new Date(b.providedAt) : null
              const row = await recordAssistance({ trx, actor, ...b, providedAt })
              return {
                id: row.id,
                caseId: row.case_id,
                service: row.service,
                at: row.provided_at.toISOString(),
              }
            },
          }),
        ),
      )
      return reply.code(replayed ? 200 : 201).send(result)
    },
  )

  r.post(
    '/api/protection/cases/:id/follow-ups',
    {
      schema: {
        tags,
        params: IdParams,
        body: FollowUpBody,
        response: { 201: ScheduledView, 200: ScheduledView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const attempt = {
        db,
        actor,
        attempted: 'scheduleFollowUp',
        resource: 'case' as const,
        recordId: req.params.id,
      }
      const { result, replayed } = await auditRefusal(attempt, () =>
        db.transaction().execute((trx) =>
          idempotent({
            trx,
            userId: actor.id,
            key: idempotencyKeyOf(req),
            operation: 'protection.followUps.create',
            request: { ...req.body, caseId: req.params.id },
            run: async () => {
              const row = await scheduleFollowUp({ trx, actor, caseId: req.params.id, ...req.body })
              return { id: row.id, dueDate: row.due_date }
            },
          }),
        ),
      )
      return reply.code(replayed ? 200 : 201).send(result)
    },
  )

  r.post(
    '/api/protection/cases/:id/follow-ups/:followUpId/complete',
    {
      schema: {
        tags,
        params: FollowUpParams,
        body: CompleteFollowUpBody,
        response: { 200: ScheduledView.extend({ completedOn: z.string().nullable() }) },
      },
    },
    async (req) => {
      const row = await db.transaction().execute((trx) =>
        completeFollowUp({
          trx,
          actor: actorOf(req),
          caseId: req.params.id,
          followUpId: req.params.followUpId,
          ...req.body,
        }),
      )
      return { id: row.id, dueDate: row.due_date, completedOn: row.completed_on }
    },
  )
}
