import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLISHED_SERVICES } from '../../domain/exchange/xroad-ids.ts'
import { ROLES, SCOPES } from '../../domain/identity/roles.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { text } from '../../platform/http/text.ts'
import { authorize } from '../identity/authorize.ts'
import { CodeParams } from './exchange.schemas.ts'
import type { XroadClientRow } from './exchange.tables.ts'
import { keySet } from './keys.ts'
import { listXroadClients, saveXroadClient } from './xroad-clients.ts'
import { xroadServiceDescription } from './xroad-description.ts'

const XroadClientBody = z.strictObject({
  clientId: text().min(5).max(400),
  agencyCode: text().min(1).max(40),
  role: z.enum(ROLES),
  scope: z.enum(SCOPES),
  postCode: text().min(1).max(40).nullable(),
  active: z.boolean(),
  note: text().max(300),
})
const XroadClientView = z.object({
  clientId: z.string(),
  agencyCode: z.string(),
  role: z.string(),
  scope: z.string(),
  postCode: z.string().nullable(),
  active: z.boolean(),
  note: z.string(),
  updatedAt: z.string(),
})
const XroadSetupView = z.object({
  provider: z.string().nullable(),
  services: z.array(z.object({ code: z.string(), methods: z.array(z.string()), summary: z.string() })),
  clients: z.array(XroadClientView),
})

const KeyStateList = z.object({
  items: z.array(
    z.object({
      kid: z.string(),
      use: z.string(),
      retired: z.boolean(),
      revoked: z.boolean(),
      revokedAt: z.string().nullable(),
      expiresAt: z.string().nullable(),
    }),
  ),
})

const present = (r: XroadClientRow) => ({
  clientId: r.client_id,
  agencyCode: r.agency_code,
  role: r.role,
  scope: r.scope,
  postCode: r.post_code,
  active: r.active,
  note: r.note,
  updatedAt: new Date(r.updated_at).toISOString(),
})

/** Administration of the CamDX publication: the allow-list of X-Road clients, and the service description. */
export async function xroadRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['exchange']
  const provider = ctx.config.xroad.provider

  r.get('/api/exchange/xroad', { schema: { tags, response: { 200: XroadSetupView } } }, async (req) => ({
    provider,
    services: PUBLISHED_SERVICES.map((s) => ({ code: s.code, methods: [...s.methods], summary: s.summary })),
    clients: (await listXroadClients({ db, actor: actorOf(req) })).map(present),
  }))

  r.put(
    '/api/exchange/xroad/clients',
    { schema: { tags, body: XroadClientBody, response: { 200: XroadClientView } } },
    async (req) => {
      const row = await db
        .transaction()
        .execute((trx) => saveXroadClient({ trx, actor: actorOf(req), client: req.body }))
      return present(row)
    },
  )

  // The authorities screen: each authority's keys with their state, never key material (administrators).
  r.get(
    '/api/exchange/authorities/:code/keys',
    { schema: { tags, params: CodeParams, response: { 200: KeyStateList } } },
    async (req) => {
      authorize(actorOf(req), 'update', 'exchange_agreement')
      const keys = await keySet(db, req.params.code)
      return {
        items: keys.map((k) => ({
          kid: k.kid,
          use: k.use,
          retired: Boolean(k.retired),
          revoked: Boolean(k.revoked),
          revokedAt: k.revokedAt ?? null,
          expiresAt: k.expiresAt ?? null,
        })),
      }
    },
  )

  // For the security server's administrators: the published operations as X-Road clients call them.
  r.get(
    '/api/exchange/xroad/openapi.json',
    { config: { public: true }, schema: { tags, hide: true } },
    async () =>
      xroadServiceDescription(app.swagger() as never, provider ?? 'INSTANCE/CLASS/MEMBER/SUBSYSTEM'),
  )
}
