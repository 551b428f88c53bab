import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { can } from '../../domain/identity/policy.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { auditedRead } from './audited-read.ts'
import { presentConsents, presentIdentification, presentPerson } from './person.presenter.ts'
import { findPerson, listConsents, listIdentifications } from './persons.repository.ts'
import { ConsentBody, IdParams } from './protection.schemas.ts'
import { ConsentsView, IdentificationView, PersonView } from './protection.views.ts'
import { recordConsent } from './record-consent.ts'

const tags = ['protection']
const PersonRecordView = PersonView.extend({
  agencyCode: z.string(),
  consents: ConsentsView,
  identifications: z.array(IdentificationView),
})

export async function personsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store

  r.get(
    '/api/protection/persons/:id',
    { schema: { tags, params: IdParams, response: { 200: PersonRecordView } } },
    async (req) => {
      const actor = actorOf(req)
      return auditedRead({
        db,
        actor,
        resource: 'person',
        recordId: req.params.id,
        load: async (trx) => {
          const person = await findPerson(trx, req.params.id)
          if (!person) return undefined
          const [consents, identifications] = await Promise.all([
            listConsents(trx, person.id),
            listIdentifications(trx, person.id),
          ])
          return {
            ...presentPerson(person),
            agencyCode: person.agency_code,
            consents: presentConsents(consents),
            identifications: identifications.map(presentIdentification),
          }
        },
        allowed: (p) => can(actor, 'read', 'person', { agencyCode: p.agencyCode }),
      })
    },
  )

  r.post(
    '/api/protection/persons/:id/consents',
    {
      schema: {
        tags,
        params: IdParams,
        body: ConsentBody,
        response: { 201: ConsentsView, 200: ConsentsView },
      },
    },
    (req, reply) =>
      replyCreated(req, reply, db, 'protection.consents.create', async (trx, actor) => {
        const person = await findPerson(trx, req.params.id)
        if (!person) throw new AppError('not_found')
        if (!can(actor, 'update', 'person', { agencyCode: person.agency_code }))
          throw new AppError('forbidden')
        await recordConsent({ trx, actor, person, consent: req.body })
        return presentConsents(await listConsents(trx, person.id))
      }),
  )
}
