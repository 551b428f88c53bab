import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { text } from '../../platform/http/text.ts'
import { authorize } from '../identity/authorize.ts'
import { closeShift, openShift } from './manage-shifts.ts'
import { CurrentShiftView, IdParams, OpenShiftBody, ShiftsView, ShiftView } from './posts.schemas.ts'
import { presentShift } from './shift.presenter.ts'
import { openShiftOf, openShiftsAt } from './shifts.repository.ts'

/** Opening and closing the signed-in officer's shift, and who holds which counter at a post. */
export async function shiftsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['shifts']

  r.get('/api/shifts/current', { schema: { tags, response: { 200: CurrentShiftView } } }, async (req) => {
    const actor = actorOf(req)
    authorize(actor, 'read', 'shift', { postCode: actor.postCode })
    const shift = await openShiftOf(db, actor.id)
    return { shift: shift ? presentShift(shift) : null }
  })

  r.get(
    '/api/shifts',
    {
      schema: {
        tags,
        querystring: z.strictObject({ post: text().min(2).max(40) }),
        response: { 200: ShiftsView },
      },
    },
    async (req) => {
      authorize(actorOf(req), 'read', 'shift', { postCode: req.query.post })
      return { items: (await openShiftsAt(db, req.query.post)).map(presentShift) }
    },
  )

  r.post(
    '/api/shifts',
    { schema: { tags, body: OpenShiftBody, response: { 201: ShiftView, 200: ShiftView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'shifts.open', async (trx, actor) =>
        presentShift(await openShift({ trx, actor, counter: req.body.counter })),
      ),
  )

  r.post(
    '/api/shifts/:id/close',
    { schema: { tags, params: IdParams, response: { 200: ShiftView } } },
    async (req) =>
      presentShift(
        await db
          .transaction()
          .execute((trx) => closeShift({ trx, actor: actorOf(req), shiftId: req.params.id })),
      ),
  )
}
