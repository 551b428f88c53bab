import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { fieldCatalogue } from './context.schema.ts'
import { evaluateCrossing } from './evaluate-crossing.ts'
import { presentEvaluation, presentQuestions } from './evaluation.presenter.ts'
import { interviewFor, readEvaluation, recordInterviewAnswers } from './interview.ts'
import { recordDecision } from './record-decision.ts'
import {
  AnswersBody,
  DecisionBody,
  DecisionView,
  EvaluateBody,
  EvaluationView,
  IdParams,
  InterviewView,
} from './risk.schemas.ts'

export async function evaluationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['risk']

  // What the evaluation form is built from; it holds no data about anyone, so any signed-in user may read it.
  r.get('/api/risk/fields', { schema: { tags, response: { 200: z.unknown() } } }, async () =>
    fieldCatalogue(),
  )

  r.post(
    '/api/risk/evaluations',
    { schema: { tags, body: EvaluateBody, response: { 201: EvaluationView, 200: EvaluationView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'risk.evaluations.create', async (trx, actor) => {
        const postCode = actor.postCode ?? req.body.context.travel?.post ?? null
        const stored = await evaluateCrossing({ trx, actor, context: req.body.context, postCode })
        return presentEvaluation(stored, requestLocale(req))
      }),
  )

  r.get(
    '/api/risk/evaluations/:id',
    { schema: { tags, params: IdParams, response: { 200: EvaluationView } } },
    async (req) => {
      const e = await readEvaluation({ db, actor: actorOf(req), evaluationId: req.params.id })
      return presentEvaluation(e, requestLocale(req))
    },
  )

  r.post(
    '/api/risk/evaluations/:id/decision',
    {
      schema: {
        tags,
        params: IdParams,
        body: DecisionBody,
        response: { 201: DecisionView, 200: DecisionView },
      },
    },
    (req, reply) =>
      replyCreated(req, reply, db, 'risk.evaluations.decide', async (trx, actor) => {
        const out = await recordDecision({ trx, actor, evaluationId: req.params.id, ...req.body })
        return {
          evaluation: presentEvaluation(out.evaluation, requestLocale(req)),
          alerts: out.alerts.length,
        }
      }),
  )

  r.get(
    '/api/risk/evaluations/:id/interview',
    { schema: { tags, params: IdParams, response: { 200: InterviewView } } },
    async (req) => {
      const out = await interviewFor({ db, actor: actorOf(req), evaluationId: req.params.id })
      return {
        evaluation: presentEvaluation(out.evaluation, requestLocale(req)),
        questions: presentQuestions(out.questions, out.evaluation),
      }
    },
  )

  r.post(
    '/api/risk/evaluations/:id/answers',
    {
      schema: {
        tags,
        params: IdParams,
        body: AnswersBody,
        response: { 201: EvaluationView, 200: EvaluationView },
      },
    },
    (req, reply) =>
      replyCreated(req, reply, db, 'risk.evaluations.answer', async (trx, actor) => {
        const next = await recordInterviewAnswers({
          trx,
          actor,
          evaluationId: req.params.id,
          answers: req.body.answers,
        })
        return presentEvaluation(next, requestLocale(req))
      }),
  )
}
