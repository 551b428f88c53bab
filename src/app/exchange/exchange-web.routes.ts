import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { authorize } from '../identity/authorize.ts'
import { listBoardArrivals, recordListArrival } from './board-arrivals.ts'
import { previewFromCase, sendFromCase } from './case-exchange.ts'
import { caseExchangeTimeline } from './case-timeline.ts'
import { presentMessage } from './exchange.presenter.ts'
import { IdParams } from './exchange.schemas.ts'
import { presentArrivalKind, presentBoardArrival, presentCaseMessage } from './exchange-web.presenter.ts'
import {
  AgreementChoiceList,
  BoardArrivalList,
  BoardArrivalView,
  BoardPostParams,
  CaseExchangeView,
  CaseParams,
  CasePreviewBody,
  CasePreviewView,
  CaseSendBody,
  CaseSentView,
} from './exchange-web.schemas.ts'

/**
 * Where officers and case workers meet the exchange (issue 17 §5): a post board's expected arrivals, a referral
 * sent from a protection case, and the case's timeline of what was exchanged.
 */
const ArrivedView = BoardArrivalView.omit({ partnerNameEn: true, partnerNameKm: true })

export async function exchangeWebRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['exchange']

  r.get(
    '/api/exchange/board/:code/arrivals',
    { schema: { tags, params: BoardPostParams, response: { 200: BoardArrivalList } } },
    async (req) => {
      const found = await listBoardArrivals({ db, actor: actorOf(req), postCode: req.params.code })
      return { day: found.day, items: found.items.map(presentBoardArrival) }
    },
  )

  r.post(
    '/api/exchange/board/arrivals/:id/arrived',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 201: ArrivedView, 200: ArrivedView },
      },
    },
    // It registers a returnee: a retry with the same idempotency key gets the same registration back.
    (req, reply) =>
      replyCreated(req, reply, db, 'exchange.board.arrived', async (trx, actor) =>
        presentArrivalKind(await recordListArrival({ trx, actor, arrivalId: req.params.id })),
      ),
  )

  // The agreements a case worker may refer under: in force, named, with the partner; not their rules.
  r.get(
    '/api/exchange/agreements-in-force',
    { schema: { tags, response: { 200: AgreementChoiceList } } },
    async (req) => {
      authorize(actorOf(req), 'create', 'exchange_message')
      const day = todayInCambodia()
      const rows = await db
        .selectFrom('exchange_agreements as a')
        .innerJoin('exchange_authorities as p', 'p.code', 'a.partner_code')
        .select(['a.code', 'a.title', 'a.partner_code', 'a.demo', 'p.name_en', 'p.name_km'])
        .where('a.valid_from', '<=', day)
        .where('a.valid_until', '>=', day)
        .orderBy('a.code')
        .execute()
      return {
        items: rows.map((a) => ({
          code: a.code,
          title: a.title,
          partner: a.partner_code,
          partnerNameEn: a.name_en,
          partnerNameKm: a.name_km,
          demo: a.demo,
        })),
      }
    },
  )

  r.post(
    '/api/protection/cases/:caseId/exchange/preview',
    { schema: { tags, params: CaseParams, body: CasePreviewBody, response: { 200: CasePreviewView } } },
    async (req) => {
      const p = await previewFromCase({
        db,
        actor: actorOf(req),
        caseId: req.params.caseId,
        agreementCode: req.body.agreement,
        note: req.body.note,
        bestInterestsDone: req.body.bestInterestsDone,
      })
      const a = p.agreement
      return { ...p, agreement: { code: a.code, title: a.title, partner: a.partner, legal: a.legal } }
    },
  )

  r.post(
    '/api/protection/cases/:caseId/exchange',
    {
      schema: {
        tags,
        params: CaseParams,
        body: CaseSendBody,
        response: { 201: CaseSentView, 200: CaseSentView },
      },
    },
    (req, reply) =>
      replyCreated(req, reply, db, 'exchange.send-from-case', async (trx, actor) => {
        const { row, withheld } = await sendFromCase({
          trx,
          actor,
          caseId: req.params.caseId,
          agreementCode: req.body.agreement,
          kind: req.body.kind,
          note: req.body.note,
          bestInterestsDone: req.body.bestInterestsDone,
        })
        return { ...presentMessage(row), withheld }
      }),
  )

  r.get(
    '/api/protection/cases/:caseId/exchange',
    { schema: { tags, params: CaseParams, response: { 200: CaseExchangeView } } },
    async (req) => {
      const t = await caseExchangeTimeline({ db, actor: actorOf(req), caseId: req.params.caseId })
      return {
        threads: t.threads,
        messages: t.messages.map(presentCaseMessage),
        arrivals: t.arrivals.map(presentArrivalKind),
      }
    },
  )
}
