import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { authorize } from '../identity/authorize.ts'
import { createTemplate, saveCheck, updateTemplate } from './manage-templates.ts'
import { CheckView, presentCheck, presentTemplate, TemplateView } from './template.presenter.ts'
import { checksOf, findTemplate, listTemplates } from './templates.repository.ts'
import {
  CheckParams,
  CreateTemplateBody,
  SaveCheckBody,
  TemplateParams,
  UpdateTemplateBody,
} from './templates.schemas.ts'

export async function templatesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['documents']

  r.get(
    '/api/documents/templates',
    { schema: { tags, response: { 200: z.array(TemplateView) } } },
    async (req) => {
      authorize(actorOf(req), 'read', 'examination_template')
      const templates = await listTemplates(db)
      const checks = await checksOf(
        db,
        templates.map((t) => t.id),
      )
      return templates.map((t) => presentTemplate(t, checks))
    },
  )

  r.get(
    '/api/documents/templates/:id',
    { schema: { tags, params: TemplateParams, response: { 200: TemplateView } } },
    async (req) => {
      authorize(actorOf(req), 'read', 'examination_template')
      const template = await findTemplate(db, req.params.id)
      if (!template) throw new AppError('not_found')
      return presentTemplate(template, await checksOf(db, [template.id]))
    },
  )

  r.post(
    '/api/documents/templates',
    { schema: { tags, body: CreateTemplateBody, response: { 201: TemplateView, 200: TemplateView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'examination_templates.create', async (trx, actor) => {
        const { template, checks } = await createTemplate({ trx, actor, template: req.body })
        return presentTemplate(template, checks)
      }),
  )

  r.patch(
    '/api/documents/templates/:id',
    { schema: { tags, params: TemplateParams, body: UpdateTemplateBody, response: { 200: TemplateView } } },
    async (req) => {
      const { template, checks } = await db
        .transaction()
        .execute((trx) => updateTemplate({ trx, actor: actorOf(req), id: req.params.id, changes: req.body }))
      return presentTemplate(template, checks)
    },
  )

  r.put(
    '/api/documents/templates/:id/checks/:checkId',
    { schema: { tags, params: CheckParams, body: SaveCheckBody, response: { 200: CheckView } } },
    async (req) =>
      presentCheck(
        await db.transaction().execute((trx) =>
          saveCheck({
            trx,
            actor: actorOf(req),
            templateId: req.params.id,
            checkId: req.params.checkId,
            check: req.body,
          }),
        ),
      ),
  )
}
