import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PROTECTION_ROLES } from '../../domain/identity/roles.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { authorize } from '../identity/authorize.ts'
import { changeCase } from './change-case.ts'
import { identifyCasePerson } from './identify-case-person.ts'
import { listCases } from './list-cases.ts'
import { openCase } from './open-case.ts'
import { presentIdentification } from './person.presenter.ts'
import { Answers, CaseCommandBody, CaseQuery, IdParams, OpenCaseBody } from './protection.schemas.ts'
import { CaseSummaryView, CaseView, IdentificationView } from './protection.views.ts'
import { readCase } from './read-case.ts'
import { auditRefusal } from './refusal-audit.ts'

const tags = ['protection']
const CaseWorkerView = z.object({ id: z.string(), name: z.string(), role: z.string() })
const OpenedView = z.object({ id: z.string(), number: z.number(), state: z.string() })

export async function casesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const flag = (v: string | undefined) => v === 'true'

  r.get(
    '/api/protection/cases',
    { schema: { tags, querystring: CaseQuery, response: { 200: z.array(CaseSummaryView) } } },
    async (req) => {
      const q = req.query
      const query = { ...q, mine: flag(q.mine), unassigned: flag(q.unassigned), overdue: flag(q.overdue) }
      return listCases({ db, actor: actorOf(req), query })
    },
  )

  /** Who a case may be assigned to: the protection staff of the actor's agency (names only). */
  r.get(
    '/api/protection/case-workers',
    { schema: { tags, response: { 200: z.array(CaseWorkerView) } } },
    async (req) => {
      const actor = actorOf(req)
      authorize(actor, 'update', 'case')
      return db
        .selectFrom('users')
        .select(['id', 'display_name as name', 'role'])
        .where('agency_code', '=', actor.agencyCode)
        .where('role', 'in', [...PROTECTION_ROLES])
        .where('disabled', '=', false)
        .orderBy('display_name')
        .execute()
    },
  )

  r.post(
    '/api/protection/cases',
    { schema: { tags, body: OpenCaseBody, response: { 201: OpenedView, 200: OpenedView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'protection.cases.create', async (trx, actor) => {
        const row = await openCase({ trx, actor, personId: req.body.personId })
        return { id: row.id, number: row.number, state: row.state }
      }),
  )

  r.get(
    '/api/protection/cases/:id',
    { schema: { tags, params: IdParams, response: { 200: CaseView } } },
    async (req) => readCase({ db, actor: actorOf(req), caseId: req.params.id }),
  )

  // The social worker completes the identification the border left for them (a mass-return referral).
  r.post(
    '/api/protection/cases/:id/identification',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.strictObject({ answers: Answers }),
        response: { 201: IdentificationView, 200: IdentificationView },
      },
    },
    (req, reply) =>
      replyCreated(req, reply, db, 'protection.cases.identify', async (trx, actor) => {
        const row = await identifyCasePerson({ trx, actor, caseId: req.params.id, answers: req.body.answers })
        return presentIdentification(row)
      }),
  )

  r.post(
    '/api/protection/cases/:id/events',
    { schema: { tags, params: IdParams, body: CaseCommandBody, response: { 200: CaseView } } },
    async (req) => {
      const actor = actorOf(req)
      const attempt = {
        db,
        actor,
        attempted: req.body.type,
        resource: 'case' as const,
        recordId: req.params.id,
      }
      await auditRefusal(attempt, () =>
        db
          .transaction()
          .execute((trx) => changeCase({ trx, actor, caseId: req.params.id, command: req.body })),
      )
      return readCase({ db, actor, caseId: req.params.id })
    },
  )
}
