import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { allowedPaths, isRefusal, type MessageType, minimise, ruleFor } from '../../domain/exchange/index.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { describeError } from '../../platform/errors/describe.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { authorize } from '../identity/authorize.ts'
import { findAgreement, listAgreements, saveAgreement } from './agreements.ts'
import { listArrivals, recordHandover } from './arrivals.ts'
import { saveOwnAuthority, savePartnerAuthority } from './authorities.ts'
import { BUNDLE_MAX_BYTES, exportBundle, importBundle, importReceipts } from './bundles.ts'
import { presentAgreement, presentArrival, presentAuthority, presentMessage } from './exchange.presenter.ts'
import {
  AgreementBody,
  AgreementList,
  AgreementView,
  AnswersBody,
  ArrivalList,
  ArrivalQuery,
  AuthorityList,
  AuthorityView,
  BundleImportView,
  BundleReceiptsBody,
  CodeParams,
  ComposeBody,
  CountsView,
  FollowUpList,
  FollowUpQuery,
  HandoverView,
  IdParams,
  InboxBody,
  InboxRefusedView,
  InboxView,
  KeySetBody,
  KeySetView,
  KidParams,
  ListParams,
  MessageDetailView,
  MessageList,
  MessageParams,
  MessageQuery,
  OwnAuthorityBody,
  PartnerAuthorityBody,
  PreviewView,
  RevokeBody,
  SentView,
  VerificationListView,
} from './exchange.schemas.ts'
import { listFollowUps } from './follow-ups.ts'
import { configureKeyStore } from './key-store.ts'
import { ensureOwnKeys, keySet, ownAuthority } from './keys.ts'
import { importPartnerKeys, revokeExchangeKey, rotateKeys } from './manage-keys.ts'
import { exchangeCounts, listMessages, readMessage } from './read-messages.ts'
import { receiveMessage } from './receive-message.ts'
import { refused, sendMessage } from './send-message.ts'
import { answerVerificationList, readVerificationList } from './verification-lists.ts'

const BUNDLE_TYPE = 'application/jose'

/** Cross-border exchange: agreements, keys, outbox and inbox, bundles, expected arrivals (issue 17). */
export async function exchangeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['exchange']
  // Own private keys live in the configured key directory, never in the database.
  configureKeyStore(ctx.config)

  r.get('/api/exchange/agreements', { schema: { tags, response: { 200: AgreementList } } }, async (req) => {
    const day = todayInCambodia()
    return { items: (await listAgreements({ db, actor: actorOf(req) })).map((a) => presentAgreement(a, day)) }
  })

  r.put(
    '/api/exchange/agreements/:code',
    { schema: { tags, params: CodeParams, body: AgreementBody, response: { 200: AgreementView } } },
    async (req) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          saveAgreement({ trx, actor: actorOf(req), agreement: { ...req.body, code: req.params.code } }),
        )
      return presentAgreement(row, todayInCambodia())
    },
  )

  r.get('/api/exchange/authorities', { schema: { tags, response: { 200: AuthorityList } } }, async (req) => {
    authorize(actorOf(req), 'read', 'exchange_agreement')
    const rows = await db
      .selectFrom('exchange_authorities')
      .selectAll()
      .orderBy('is_self', 'desc')
      .orderBy('code')
      .execute()
    return { items: rows.map(presentAuthority) }
  })

  // This instance's own authority, and each partner's names, contacts and inbox URL (administrators, audited).
  r.put(
    '/api/exchange/authority',
    { schema: { tags, body: OwnAuthorityBody, response: { 200: AuthorityView } } },
    async (req) => {
      const { code, agencyCode, ...authority } = req.body
      const row = await db
        .transaction()
        .execute((trx) => saveOwnAuthority({ trx, actor: actorOf(req), code, agencyCode, authority }))
      return presentAuthority(row)
    },
  )

  r.put(
    '/api/exchange/authorities/:code',
    { schema: { tags, params: CodeParams, body: PartnerAuthorityBody, response: { 200: AuthorityView } } },
    async (req) => {
      const { endpoint, ...authority } = req.body
      const row = await db
        .transaction()
        .execute((trx) =>
          savePartnerAuthority({ trx, actor: actorOf(req), code: req.params.code, endpoint, authority }),
        )
      return presentAuthority(row)
    },
  )

  // Public halves only, for partners to fetch and pin; like an X-Road security server's published certificates.
  r.get(
    '/api/exchange/keys',
    { config: { public: true }, schema: { tags, response: { 200: KeySetView } } },
    async () => {
      const self = await ownAuthority(db)
      // Created at first start; an instance never started with `passage start` makes them on first request.
      if (!(await keySet(db, self.code)).length) await ensureOwnKeys(db)
      return { authority: self.code, keys: (await keySet(db, self.code)) as never }
    },
  )

  r.post(
    '/api/exchange/authorities/:code/keys',
    { schema: { tags, params: CodeParams, body: KeySetBody } },
    async (req) => {
      const added = await db
        .transaction()
        .execute((trx) =>
          importPartnerKeys({ trx, actor: actorOf(req), partner: req.params.code, keys: req.body.keys }),
        )
      return { added }
    },
  )

  r.post('/api/exchange/keys/rotate', { schema: { tags } }, async (req) =>
    db.transaction().execute((trx) => rotateKeys({ trx, actor: actorOf(req) })),
  )

  r.post('/api/exchange/keys/:kid/revoke', { schema: { tags, params: KidParams } }, async (req) => {
    // The body is optional (revoke now); when given it may only name the time of revocation.
    const body = RevokeBody.safeParse(req.body ?? {})
    if (!body.success)
      throw new AppError('validation_failed', {}, [
        { path: 'body.at', code: 'exchange.errors.revocation_time' },
      ])
    const at = body.data.at ? new Date(body.data.at) : undefined
    const row = await db
      .transaction()
      .execute((trx) => revokeExchangeKey({ trx, actor: actorOf(req), kid: req.params.kid, at }))
    return { kid: row.kid, revokedAt: new Date(row.revoked_at as Date).toISOString() }
  })

  // What a message would carry, and what the agreement withholds, before anything is sent.
  r.post(
    '/api/exchange/preview',
    { schema: { tags, body: ComposeBody, response: { 200: PreviewView } } },
    async (req) => {
      authorize(actorOf(req), 'create', 'exchange_message')
      const b = req.body
      const type = b.type as MessageType
      const rule = ruleFor(await findAgreement(db, b.agreement), type, todayInCambodia())
      if (isRefusal(rule)) throw refused(rule)
      const source = b.threadRef ? { ...b.content, xch_RepatriationRef: b.threadRef } : b.content
      const m = minimise(type, source, rule)
      return { ...m, allowed: [...allowedPaths(rule)].sort() }
    },
  )

  r.post(
    '/api/exchange/messages',
    { schema: { tags, body: ComposeBody, response: { 201: SentView, 200: SentView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'exchange.send', async (trx, actor) => {
        const b = req.body
        const { row, withheld } = await sendMessage({
          trx,
          actor,
          agreementCode: b.agreement,
          type: b.type as MessageType,
          source: b.content,
          threadRef: b.threadRef,
        })
        return { ...presentMessage(row), withheld }
      }),
  )

  r.get(
    '/api/exchange/messages',
    { schema: { tags, querystring: MessageQuery, response: { 200: MessageList } } },
    async (req) => {
      const rows = await listMessages({ db, actor: actorOf(req), ...req.query })
      return { items: rows.map(presentMessage) }
    },
  )

  r.get(
    '/api/exchange/messages/:direction/:id',
    { schema: { tags, params: MessageParams, response: { 200: MessageDetailView } } },
    async (req) => {
      const row = await readMessage({ db, actor: actorOf(req), ...req.params })
      return { ...presentMessage(row), content: row.content }
    },
  )

  // The partner's instance posts here; the signature inside authenticates it, not a session.
  r.post(
    '/api/exchange/inbox',
    {
      config: { public: true },
      bodyLimit: 2_100_000,
      schema: { tags, body: InboxBody, response: { 200: InboxView, 422: InboxRefusedView } },
    },
    async (req, reply) => {
      const res = await receiveMessage({ db, sealed: req.body.message, via: 'online' })
      if (res.outcome !== 'refused') return res
      const error = refused(res.refusal)
      return reply.code(422).send({ error: describeError(error, requestLocale(req)), receipt: res.receipt })
    },
  )

  r.get(
    '/api/exchange/bundles/:code',
    { schema: { tags, params: CodeParams, produces: [BUNDLE_TYPE] } },
    async (req, reply) => {
      const { file, count } = await exportBundle({ db, actor: actorOf(req), partner: req.params.code })
      return reply
        .header('content-type', BUNDLE_TYPE)
        .header('content-disposition', `attachment; filename="passage-${req.params.code}.jose"`)
        .header('x-bundle-messages', String(count))
        .send(file)
    },
  )

  await app.register(async (sub) => {
    // Files are taken as bytes and measured before any parsing; a larger body is refused by its length alone.
    sub.addContentTypeParser(
      [BUNDLE_TYPE, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: BUNDLE_MAX_BYTES },
      (_req, body, done) => done(null, body),
    )
    sub.withTypeProvider<ZodTypeProvider>().post(
      '/api/exchange/bundles',
      {
        bodyLimit: BUNDLE_MAX_BYTES,
        schema: { tags, consumes: [BUNDLE_TYPE], response: { 200: BundleImportView } },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type')
        return importBundle({ db, actor: actorOf(req), bytes: req.body }) as never
      },
    )
  })

  r.post('/api/exchange/receipts', { schema: { tags, body: BundleReceiptsBody } }, async (req) => ({
    taken: await importReceipts({ db, actor: actorOf(req), receipts: req.body.receipts }),
  }))

  r.get(
    '/api/exchange/arrivals',
    { schema: { tags, querystring: ArrivalQuery, response: { 200: ArrivalList } } },
    async (req) => {
      const found = await listArrivals({
        db,
        actor: actorOf(req),
        postCode: req.query.post ?? null,
        day: req.query.day ?? null,
      })
      return { day: found.day, items: found.items.map(presentArrival) }
    },
  )

  r.post(
    '/api/exchange/arrivals/:id/handover',
    { schema: { tags, params: IdParams, response: { 200: HandoverView } } },
    async (req) => {
      const row = await db
        .transaction()
        .execute((trx) => recordHandover({ trx, actor: actorOf(req), arrivalId: req.params.id }))
      return { ...presentArrival(row), receiptMessageId: row.receiptMessageId }
    },
  )

  // Nationality verification lists: a partner's list with each row's answer so far, and our answers to it.
  r.get(
    '/api/exchange/verification-lists/:direction/:id',
    { schema: { tags, params: MessageParams, response: { 200: VerificationListView } } },
    async (req) => {
      const { list, rows } = await readVerificationList({ db, actor: actorOf(req), ...req.params })
      return {
        id: list.id,
        partner: list.partner_code,
        agreement: list.agreement_code,
        listRef: typeof list.content.xch_ListRef === 'string' ? list.content.xch_ListRef : null,
        purged: list.purged_at !== null,
        rows,
      }
    },
  )

  r.post(
    '/api/exchange/verification-lists/:id/answers',
    { schema: { tags, params: ListParams, body: AnswersBody, response: { 201: SentView, 200: SentView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'exchange.answer', async (trx, actor) => {
        const { row, withheld } = await answerVerificationList({
          trx,
          actor,
          listId: req.params.id,
          answers: req.body.answers,
        })
        return { ...presentMessage(row), withheld }
      }),
  )

  // The SOP's follow-up reports due or overdue, for case managers (every month the agreement sets).
  r.get(
    '/api/exchange/follow-ups',
    { schema: { tags, querystring: FollowUpQuery, response: { 200: FollowUpList } } },
    async (req) => {
      // Noon in Phnom Penh on the day asked, so the day is that day whatever the server's time zone.
      const now = req.query.on ? new Date(`${req.query.on}T12:00:00+07:00`) : new Date()
      return {
        today: todayInCambodia(now),
        items: await listFollowUps({ db, actor: actorOf(req), now, all: req.query.all === 'true' }),
      }
    },
  )

  r.get('/api/exchange/counts', { schema: { tags, response: { 200: CountsView } } }, async (req) => ({
    items: await exchangeCounts({ db, actor: actorOf(req) }),
  }))
}
