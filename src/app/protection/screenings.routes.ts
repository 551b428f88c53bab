import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { IDENTIFICATION_FORM } from '../../domain/protection/identification-form.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { authorize } from '../identity/authorize.ts'
import { presentIdentification } from './person.presenter.ts'
import { Answers, ScreeningBody } from './protection.schemas.ts'
import { IdentificationFormView, IdentificationView } from './protection.views.ts'
import { assessComplete, screenIdentification } from './screen-identification.ts'

const tags = ['protection']
const AssessBody = z.strictObject({ answers: Answers })
const AssessmentView = IdentificationView.pick({
  outcome: true,
  isChild: true,
  childStatus: true,
  vulnerabilities: true,
  bestInterestsSteps: true,
  suggestedServices: true,
})
const ScreeningView = z.object({ personId: z.string(), identification: IdentificationView })

/** The identification form, its recommendation for a set of answers, and a screening recorded on its own. */
export async function screeningsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store

  r.get(
    '/api/protection/identification-form',
    { schema: { tags, response: { 200: IdentificationFormView } } },
    async (req) => {
      authorize(actorOf(req), 'create', 'identification')
      // The domain's form is deeply readonly; the serializer checks it against the view all the same.
      return IDENTIFICATION_FORM as z.infer<typeof IdentificationFormView>
    },
  )

  /**
   * The recommendation for a set of answers, computed and not stored: the officer sees it before deciding
   * whether and where to refer. Nothing identifies a person here, so nothing is audited.
   */
  r.post(
    '/api/protection/screenings/assess',
    { schema: { tags, body: AssessBody, response: { 200: AssessmentView } } },
    async (req) => {
      authorize(actorOf(req), 'create', 'identification')
      const result = assessComplete(req.body.answers)
      return {
        outcome: result.outcome,
        isChild: result.isChild,
        childStatus: result.childStatus ?? null,
        vulnerabilities: result.vulnerabilities,
        bestInterestsSteps: result.bestInterestsSteps,
        suggestedServices: result.suggestedServices,
      }
    },
  )

  r.post(
    '/api/protection/screenings',
    { schema: { tags, body: ScreeningBody, response: { 201: ScreeningView, 200: ScreeningView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'protection.screenings.create', async (trx, actor) => {
        const s = await screenIdentification({ trx, actor, ...req.body })
        // The screener sees the recommendation they asked for; no one else's data is in it.
        return { personId: s.person.id, identification: presentIdentification(s.identification) }
      }),
  )
}
