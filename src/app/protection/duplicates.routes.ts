import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { can } from '../../domain/identity/policy.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { multilineText } from '../../platform/http/text.ts'
import { auditedRead } from './audited-read.ts'
import { findPossibleDuplicates } from './find-duplicates.ts'
import { mergePersons } from './merge-persons.ts'
import { presentPerson } from './person.presenter.ts'
import { findPerson } from './persons.repository.ts'
import { IdParams } from './protection.schemas.ts'
import { PersonView } from './protection.views.ts'

const tags = ['protection']

const DuplicateView = z.object({
  person: PersonView,
  score: z.number(),
  decision: z.enum(['match', 'possible']),
  via: z.enum(['latin', 'khmer']),
  matchedParts: z.array(z.object({ a: z.string(), b: z.string(), method: z.string() })),
})

const MergeBody = z.strictObject({ keepId: z.uuid(), reason: multilineText().trim().min(5).max(1000) })

export async function duplicatesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store

  r.get(
    '/api/protection/persons/:id/duplicates',
    { schema: { tags, params: IdParams, response: { 200: z.array(DuplicateView) } } },
    async (req) => {
      const actor = actorOf(req)
      const found = await auditedRead({
        db,
        actor,
        resource: 'person',
        recordId: req.params.id,
        load: async (trx) => {
          const person = await findPerson(trx, req.params.id)
          return person
            ? { person, candidates: await findPossibleDuplicates({ db: trx, actor, person }) }
            : undefined
        },
        allowed: (v) => can(actor, 'read', 'person', { agencyCode: v.person.agency_code }),
        details: (v) => ({ duplicatesShown: v.candidates.map((c) => c.person.id) }),
      })
      return found.candidates.map((c) => ({
        person: presentPerson(c.person),
        score: Math.round(c.score * 1000) / 1000,
        decision: c.decision,
        via: c.via,
        matchedParts: c.explanation.parts.map((p) => ({ a: p.a, b: p.b, method: p.method })),
      }))
    },
  )

  r.post(
    '/api/protection/persons/:id/merge',
    { schema: { tags, params: IdParams, body: MergeBody, response: { 200: PersonView } } },
    async (req) => {
      const kept = await db.transaction().execute((trx) =>
        mergePersons({
          trx,
          actor: actorOf(req),
          duplicateId: req.params.id,
          keepId: req.body.keepId,
          reason: req.body.reason,
        }),
      )
      return presentPerson(kept)
    },
  )
}
