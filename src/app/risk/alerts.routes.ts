import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { allowedScope, can } from '../../domain/identity/policy.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { presentAlert } from './alert.presenter.ts'
import { alertScope, alertSettings, findAlertRow, listAlerts } from './alerts.repository.ts'
import { acknowledgeAlert, setAlertEscalation } from './alerts.ts'
import {
  AcknowledgeBody,
  AlertListQuery,
  AlertSettingBody,
  AlertSettingParams,
  AlertSettingView,
  AlertView,
  IdParams,
} from './risk.schemas.ts'

export async function alertsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['risk']

  r.get(
    '/api/risk/alerts',
    {
      schema: {
        tags,
        querystring: AlertListQuery,
        response: {
          200: z.object({
            items: z.array(AlertView),
            total: z.number(),
            escalated: z.number(),
            escalatedToYou: z.boolean(),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req)
      const scope = allowedScope(actor, 'read', 'risk_alert')
      if (!scope) throw new AppError('forbidden')
      const q = req.query
      const { rows, total, escalated } = await listAlerts(db, {
        ...alertScope(actor, scope),
        state: q.state,
        escalatedOnly: q.escalated === 'true',
        limit: q.limit,
        offset: q.offset,
      })
      const locale = requestLocale(req)
      // Escalation goes to the agency's national-scope users: their inbox leads with what is overdue.
      return {
        items: rows.map((a) => presentAlert(a, locale)),
        total,
        escalated,
        escalatedToYou: actor.scope === 'national',
      }
    },
  )

  r.post(
    '/api/risk/alerts/:id/acknowledge',
    { schema: { tags, params: IdParams, body: AcknowledgeBody, response: { 200: AlertView } } },
    async (req) => {
      const actor = actorOf(req)
      const row = await db
        .transaction()
        .execute((trx) => acknowledgeAlert({ trx, actor, alertId: req.params.id, note: req.body.note }))
      return presentAlert(await findAlertRow(db, row.id), requestLocale(req))
    },
  )

  r.get(
    '/api/risk/alert-settings',
    { schema: { tags, response: { 200: z.object({ items: z.array(AlertSettingView) }) } } },
    async (req) => {
      const actor = actorOf(req)
      if (!can(actor, 'read', 'risk_alert') && !can(actor, 'update', 'agency'))
        throw new AppError('forbidden')
      const rows = await alertSettings(db)
      return {
        items: rows.map((s) => ({ agencyCode: s.agency_code, escalateAfterHours: s.escalate_after_hours })),
      }
    },
  )

  r.put(
    '/api/risk/alert-settings/:agencyCode',
    {
      schema: {
        tags,
        params: AlertSettingParams,
        body: AlertSettingBody,
        response: { 200: AlertSettingView },
      },
    },
    async (req) => {
      const actor = actorOf(req)
      return db.transaction().execute((trx) =>
        setAlertEscalation({
          trx,
          actor,
          agencyCode: req.params.agencyCode,
          hours: req.body.escalateAfterHours,
        }),
      )
    },
  )
}
