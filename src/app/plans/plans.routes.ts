import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { addIndicator, addPlanNode, createPlan, setIndicatorTarget, setPlanThresholds } from './edit-plan.ts'
import { editIndicator, editPlanNode, removeIndicator, removePlanNode } from './edit-structure.ts'
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, type EvidenceType } from './evidence-rules.ts'
import { listPlans, listReports } from './list-reports.ts'
import { planDashboard } from './plan-dashboard.ts'
import { planStructure } from './plan-structure.ts'
import {
  AnyView,
  CommentBody,
  Created,
  DashboardQuery,
  EvidenceQuery,
  IdParams,
  IndicatorBody,
  NodeBody,
  NodeEditBody,
  PlanBody,
  ReportBody,
  ReportsQuery,
  StateView,
  TargetBody,
  TargetParams,
  ThresholdsBody,
} from './plans.schemas.ts'
import { progressReportRoutes } from './progress-report.routes.ts'
import { addEvidence, readEvidence, saveReport } from './report-value.ts'
import { approveReport, commentOnReport, returnReport, submitReport } from './review-report.ts'

/** Plan monitoring: structure, targets, dashboard, agencies' values and their review (issue 14 §1). */
export async function plansRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db, read } = ctx.store
  const threshold = ctx.config.statisticsSuppressionThreshold
  const tags = ['plans']

  r.get('/api/plans', { schema: { tags, response: { 200: AnyView } } }, (req) =>
    listPlans({ db, actor: actorOf(req), locale: requestLocale(req) }),
  )
  r.post(
    '/api/plans',
    { schema: { tags, body: PlanBody, response: { 201: Created } } },
    async (req, reply) => {
      const id = await db
        .transaction()
        .execute((trx) => createPlan({ trx, actor: actorOf(req), plan: req.body }))
      return reply.code(201).send({ id })
    },
  )
  r.get(
    '/api/plans/:id/dashboard',
    { schema: { tags, params: IdParams, querystring: DashboardQuery, response: { 200: AnyView } } },
    (req) =>
      db.transaction().execute((trx) =>
        planDashboard({
          trx,
          read,
          actor: actorOf(req),
          planId: req.params.id,
          year: req.query.year,
          locale: requestLocale(req),
          threshold,
        }),
      ),
  )
  r.post(
    '/api/plans/:id/nodes',
    { schema: { tags, params: IdParams, body: NodeBody, response: { 201: Created } } },
    async (req, reply) => {
      const id = await db
        .transaction()
        .execute((trx) => addPlanNode({ trx, actor: actorOf(req), planId: req.params.id, node: req.body }))
      return reply.code(201).send({ id })
    },
  )
  r.post(
    '/api/plans/:id/indicators',
    { schema: { tags, params: IdParams, body: IndicatorBody, response: { 201: Created } } },
    async (req, reply) => {
      const id = await db
        .transaction()
        .execute((trx) =>
          addIndicator({ trx, actor: actorOf(req), planId: req.params.id, indicator: req.body }),
        )
      return reply.code(201).send({ id })
    },
  )
  r.put(
    '/api/plans/indicators/:id/targets/:year',
    { schema: { tags, params: TargetParams, body: TargetBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.transaction().execute((trx) =>
        setIndicatorTarget({
          trx,
          actor: actorOf(req),
          indicatorId: req.params.id,
          year: req.params.year,
          value: req.body.value,
        }),
      )
      return reply.code(204).send(null)
    },
  )
  r.put(
    '/api/plans/:id/thresholds',
    { schema: { tags, params: IdParams, body: ThresholdsBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) =>
          setPlanThresholds({ trx, actor: actorOf(req), planId: req.params.id, thresholds: req.body }),
        )
      return reply.code(204).send(null)
    },
  )
  r.get(
    '/api/plans/:id/reports',
    { schema: { tags, params: IdParams, querystring: ReportsQuery, response: { 200: AnyView } } },
    (req) =>
      listReports({
        db,
        actor: actorOf(req),
        locale: requestLocale(req),
        planId: req.params.id,
        state: req.query.state,
        indicatorId: req.query.indicator,
      }),
  )
  // One report per indicator × period × agency: posting again edits it, so a retry never makes a second one.
  r.post(
    '/api/plans/indicators/:id/reports',
    { schema: { tags, params: IdParams, body: ReportBody, response: { 200: Created } } },
    async (req) => {
      const id = await db
        .transaction()
        .execute((trx) => saveReport({ trx, actor: actorOf(req), indicatorId: req.params.id, ...req.body }))
      return { id }
    },
  )
  const review = (path: string, use: typeof submitReport) =>
    r.post(
      `/api/plans/reports/:id/${path}`,
      { schema: { tags, params: IdParams, body: CommentBody, response: { 200: StateView } } },
      async (req) => {
        const state = await db
          .transaction()
          .execute((trx) =>
            use({ trx, actor: actorOf(req), reportId: req.params.id, comment: req.body.comment }),
          )
        return { state }
      },
    )
  review('submit', submitReport)
  review('approve', approveReport)
  review('return', returnReport)
  r.post(
    '/api/plans/reports/:id/comments',
    { schema: { tags, params: IdParams, body: CommentBody, response: { 201: Created } } },
    async (req, reply) => {
      const id = await db
        .transaction()
        .execute((trx) =>
          commentOnReport({ trx, actor: actorOf(req), reportId: req.params.id, comment: req.body.comment }),
        )
      return reply.code(201).send({ id })
    },
  )
  r.get(
    '/api/plans/evidence/:id',
    {
      schema: {
        tags,
        params: IdParams,
        produces: [...EVIDENCE_TYPES],
        response: { 200: z.any().describe('The file') },
      },
    },
    async (req, reply) => {
      const file = await db
        .transaction()
        .execute((trx) => readEvidence({ trx, actor: actorOf(req), evidenceId: req.params.id }))
      return reply
        .type(file.content_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes)
    },
  )
  await app.register(async (sub) => structureRoutes(sub, ctx))
  await app.register(async (sub) => evidenceUploadRoutes(sub, ctx))
  await app.register(async (sub) => progressReportRoutes(sub, ctx))
}

/** The structure editor: the plan in both languages, and each node and indicator edited or removed. */
async function structureRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['plans']
  const noContent = { 204: z.null() }
  r.get(
    '/api/plans/:id/structure',
    { schema: { tags, params: IdParams, response: { 200: AnyView } } },
    (req) => planStructure({ db, actor: actorOf(req), planId: req.params.id, locale: requestLocale(req) }),
  )
  r.put(
    '/api/plans/nodes/:id',
    { schema: { tags, params: IdParams, body: NodeEditBody, response: noContent } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) => editPlanNode({ trx, actor: actorOf(req), nodeId: req.params.id, node: req.body }))
      return reply.code(204).send(null)
    },
  )
  r.delete(
    '/api/plans/nodes/:id',
    { schema: { tags, params: IdParams, response: noContent } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) => removePlanNode({ trx, actor: actorOf(req), nodeId: req.params.id }))
      return reply.code(204).send(null)
    },
  )
  r.put(
    '/api/plans/indicators/:id',
    { schema: { tags, params: IdParams, body: IndicatorBody, response: noContent } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) =>
          editIndicator({ trx, actor: actorOf(req), indicatorId: req.params.id, indicator: req.body }),
        )
      return reply.code(204).send(null)
    },
  )
  r.delete(
    '/api/plans/indicators/:id',
    { schema: { tags, params: IdParams, response: noContent } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) => removeIndicator({ trx, actor: actorOf(req), indicatorId: req.params.id }))
      return reply.code(204).send(null)
    },
  )
}

/** Evidence travels as the raw file; its parser applies in this plugin scope only, with the photo byte limit. */
async function evidenceUploadRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addContentTypeParser(
    [...EVIDENCE_TYPES],
    { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  )
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/plans/reports/:id/evidence',
    {
      bodyLimit: EVIDENCE_MAX_BYTES,
      schema: {
        tags: ['plans'],
        params: IdParams,
        querystring: EvidenceQuery,
        consumes: [...EVIDENCE_TYPES],
        response: { 200: z.object({ id: z.string(), size: z.number(), sha256: z.string() }) },
      },
    },
    async (req) => {
      const contentType = (req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase() as EvidenceType
      const actor = actorOf(req)
      return ctx.store.db.transaction().execute((trx) =>
        addEvidence({
          trx,
          actor,
          reportId: req.params.id,
          fileName: req.query.name,
          contentType,
          bytes: req.body as Buffer,
          limits: ctx.config.photos,
        }),
      )
    },
  )
}
