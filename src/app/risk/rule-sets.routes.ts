import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import type { RequestActor } from '../identity/actor.ts'
import { guard } from '../identity/authorize.ts'
import { activateRuleSet, retireRuleSet, returnRuleSetToDraft, reviewRuleSet } from './approve-rule-sets.ts'
import { createRuleSetDraft, editRuleSetDraft, submitRuleSet } from './draft-rule-sets.ts'
import {
  CreateDraftBody,
  IdParams,
  ImpactCheckBody,
  RuleSetBody,
  RuleSetSummaryView,
  RuleSetView,
} from './risk.schemas.ts'
import type { RuleSetRow } from './risk.tables.ts'
import { presentRuleSet, presentRuleSetSummary, ruleSetActors } from './rule-set.presenter.ts'
import { findRuleSet, listRuleSets, usernames } from './rule-sets.repository.ts'
import { runImpactCheck } from './run-impact-check.ts'

type Step = (o: { trx: Tx; actor: RequestActor; id: string }) => Promise<RuleSetRow>

const STEPS: Record<string, Step> = {
  submit: submitRuleSet,
  review: reviewRuleSet,
  return: returnRuleSetToDraft,
  activate: activateRuleSet,
  retire: retireRuleSet,
}

export async function ruleSetsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  // Inside a create the names are read through its transaction: PGlite has one connection, held by it.
  const view = async (row: RuleSetRow, on: Executor = db) =>
    presentRuleSet(row, await usernames(on, ruleSetActors(row)))
  const tags = ['risk']

  r.get(
    '/api/risk/rule-sets',
    {
      preHandler: guard('read', 'rule_set'),
      schema: { tags, response: { 200: z.object({ items: z.array(RuleSetSummaryView) }) } },
    },
    async () => {
      const rows = await listRuleSets(db)
      const names = await usernames(
        db,
        rows.flatMap((x) => [...x.authors, x.created_by, x.reviewed_by]),
      )
      return { items: rows.map((x) => presentRuleSetSummary(x, names)) }
    },
  )

  r.get(
    '/api/risk/rule-sets/:id',
    {
      preHandler: guard('read', 'rule_set'),
      schema: { tags, params: IdParams, response: { 200: RuleSetView } },
    },
    async (req) => {
      const row = await findRuleSet(db, req.params.id)
      if (!row) throw new AppError('not_found')
      return view(row)
    },
  )

  r.post(
    '/api/risk/rule-sets',
    { schema: { tags, body: CreateDraftBody, response: { 201: RuleSetView, 200: RuleSetView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'risk.rule-sets.create', async (trx, actor) =>
        view(await createRuleSetDraft({ trx, actor, fromId: req.body.fromId, name: req.body.name }), trx),
      ),
  )

  r.put(
    '/api/risk/rule-sets/:id',
    { schema: { tags, params: IdParams, body: RuleSetBody, response: { 200: RuleSetView } } },
    async (req) => {
      const actor = actorOf(req)
      const row = await db
        .transaction()
        .execute((trx) => editRuleSetDraft({ trx, actor, id: req.params.id, ruleSet: req.body }))
      return view(row)
    },
  )

  r.post(
    '/api/risk/rule-sets/:id/impact-check',
    { schema: { tags, params: IdParams, body: ImpactCheckBody, response: { 200: RuleSetView } } },
    async (req) => {
      const actor = actorOf(req)
      const row = await db
        .transaction()
        .execute((trx) => runImpactCheck({ trx, actor, id: req.params.id, days: req.body.days }))
      return view(row)
    },
  )

  for (const [name, step] of Object.entries(STEPS)) {
    r.post(
      `/api/risk/rule-sets/:id/${name}`,
      { schema: { tags, params: IdParams, response: { 200: RuleSetView } } },
      async (req: FastifyRequest<{ Params: { id: string } }>) => {
        const actor = actorOf(req)
        const row = await db.transaction().execute((trx) => step({ trx, actor, id: req.params.id }))
        return view(row)
      },
    )
  }
}
