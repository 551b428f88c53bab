import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { authorize } from '../identity/authorize.ts'
import { presentTraveller } from './crossing.presenter.ts'
import { identityCandidates, presentIdentityCandidate } from './identify-candidates.ts'
import { confirmSameTraveller } from './identify-confirm.ts'
import {
  ConfirmIdentityBody,
  IdentifyQuery,
  IdentityCandidateView,
  LinkedTravellerView,
} from './identify-schemas.ts'

/** Identification by name and birth date: the proposals for a newly seen document, and the officer's "same person". */
export async function identifyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['crossings']

  r.get(
    '/api/crossings/identify',
    {
      schema: {
        tags,
        querystring: IdentifyQuery,
        response: { 200: z.object({ items: z.array(IdentityCandidateView) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req)
      authorize(actor, 'create', 'crossing', { postCode: actor.postCode })
      const document = await db
        .selectFrom('travel_documents')
        .selectAll()
        .where('id', '=', req.query.document)
        .executeTakeFirst()
      if (!document) throw new AppError('not_found')
      const traveller = await db
        .selectFrom('travellers')
        .selectAll()
        .where('id', '=', document.traveller_id)
        .executeTakeFirstOrThrow()
      return { items: (await identityCandidates({ db, document, traveller })).map(presentIdentityCandidate) }
    },
  )

  // Idempotent by nature: confirming the same link again finds it made and changes nothing.
  r.post(
    '/api/crossings/identify/confirm',
    {
      schema: {
        tags,
        body: ConfirmIdentityBody,
        response: { 200: LinkedTravellerView },
      },
    },
    async (req) => {
      const traveller = await db
        .transaction()
        .execute((trx) => confirmSameTraveller({ trx, actor: actorOf(req), ...req.body }))
      return { traveller: presentTraveller(traveller) }
    },
  )
}
