import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { guard } from '../identity/authorize.ts'
import { createAgency, createPost, updateAgency, updatePost } from './manage-reference.ts'
import { presentAgency, presentPost } from './reference.presenter.ts'
import {
  AgencyView,
  CodeParams,
  CountryView,
  CreateAgencyBody,
  CreatePostBody,
  IcaoCodeView,
  PostView,
  ProvinceView,
  UpdateAgencyBody,
  UpdatePostBody,
} from './reference.schemas.ts'

export async function referenceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['reference']

  r.get(
    '/api/agencies',
    { preHandler: guard('read', 'agency'), schema: { tags, response: { 200: z.array(AgencyView) } } },
    async () => (await db.selectFrom('agencies').selectAll().orderBy('code').execute()).map(presentAgency),
  )

  r.post(
    '/api/agencies',
    { schema: { tags, body: CreateAgencyBody, response: { 201: AgencyView, 200: AgencyView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'agencies.create', async (trx, actor) =>
        presentAgency(await createAgency({ trx, actor, agency: req.body })),
      ),
  )

  r.patch(
    '/api/agencies/:code',
    { schema: { tags, params: CodeParams, body: UpdateAgencyBody, response: { 200: AgencyView } } },
    async (req) =>
      presentAgency(
        await db
          .transaction()
          .execute((trx) =>
            updateAgency({ trx, actor: actorOf(req), code: req.params.code, changes: req.body }),
          ),
      ),
  )

  r.get(
    '/api/posts',
    { preHandler: guard('read', 'post'), schema: { tags, response: { 200: z.array(PostView) } } },
    async () =>
      (await db.selectFrom('points_of_entry').selectAll().orderBy('code').execute()).map(presentPost),
  )

  r.post(
    '/api/posts',
    { schema: { tags, body: CreatePostBody, response: { 201: PostView, 200: PostView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'posts.create', async (trx, actor) =>
        presentPost(await createPost({ trx, actor, post: req.body })),
      ),
  )

  r.patch(
    '/api/posts/:code',
    { schema: { tags, params: CodeParams, body: UpdatePostBody, response: { 200: PostView } } },
    async (req) =>
      presentPost(
        await db
          .transaction()
          .execute((trx) =>
            updatePost({ trx, actor: actorOf(req), code: req.params.code, changes: req.body }),
          ),
      ),
  )

  r.get(
    '/api/countries',
    { preHandler: guard('read', 'reference'), schema: { tags, response: { 200: z.array(CountryView) } } },
    async () =>
      (await db.selectFrom('countries').selectAll().orderBy('name_en').execute()).map((c) => ({
        alpha2: c.alpha2,
        alpha3: c.alpha3,
        numeric: c.numeric,
        icaoCode: c.icao_code,
        nameEn: c.name_en,
        nameKm: c.name_km,
      })),
  )

  r.get(
    '/api/icao-codes',
    { preHandler: guard('read', 'reference'), schema: { tags, response: { 200: z.array(IcaoCodeView) } } },
    async () =>
      (await db.selectFrom('icao_codes').selectAll().orderBy('code').execute()).map((c) => ({
        code: c.code,
        kind: c.kind,
        nameEn: c.name_en,
        nameKm: c.name_km,
      })),
  )

  r.get(
    '/api/provinces',
    { preHandler: guard('read', 'reference'), schema: { tags, response: { 200: z.array(ProvinceView) } } },
    async () =>
      (await db.selectFrom('provinces').selectAll().execute())
        .map((p) => ({ code: p.code, nameEn: p.name_en, nameKm: p.name_km }))
        .sort((a, b) => Number(a.code.slice(3)) - Number(b.code.slice(3))),
  )
}
