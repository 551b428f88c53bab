import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  parseClientId,
  parseServicePath,
  printableHeader,
  sameServiceId,
  XROAD_PROTOCOL,
  type XroadProblem,
} from '../../domain/exchange/xroad-ids.ts'
import type { Config } from '../../platform/config/config.ts'
import { AppError, type ErrorCode } from '../../platform/errors/codes.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { activeXroadClient, xroadActor } from './xroad-clients.ts'

/** What an X-Road call carried, kept on the request so the answer can echo it. */
export interface XroadCall {
  id: string
  requestId: string | null
  client: string | null
  serviceId: string | null
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for a call that came through an X-Road security server (`/r1/...`); null otherwise. */
    xroad: XroadCall | null
  }
}

const PREFIX = `/${XROAD_PROTOCOL}/`

const isXroad = (url: string) => url.startsWith(PREFIX)

/**
 * Fastify's `rewriteUrl`: a published service's URL becomes the Passage route that serves it, so the call runs
 * the very same route — schemas, policy, use case, audit — as the web's. Anything that does not parse keeps its
 * URL, and the hook below refuses it with the reason.
 */
export function xroadRewrite(config: Config) {
  return (req: IncomingMessage): string => {
    const url = req.url ?? '/'
    if (!isXroad(url) || !config.xroad.provider) return url
    const call = parseServicePath(url, req.method ?? 'GET', config.xroad.provider)
    return call.ok ? call.value.target : url
  }
}

const STATUS: Record<XroadProblem, ErrorCode> = {
  client_malformed: 'xroad_bad_request',
  service_malformed: 'xroad_bad_request',
  header_malformed: 'xroad_bad_request',
  path_malformed: 'xroad_bad_request',
  unknown_service: 'xroad_unknown_service',
  method_not_published: 'xroad_unknown_service',
}

function refuse(problem: XroadProblem | 'not_published' | 'security_server' | 'client_not_allowed') {
  const code: ErrorCode =
    problem === 'not_published'
      ? 'xroad_unknown_service'
      : problem === 'security_server' || problem === 'client_not_allowed'
        ? 'xroad_access_denied'
        : STATUS[problem]
  return new AppError(code, {}, [{ code: `exchange-admin.errors.${problem}` }])
}

/** One header's value; a header sent twice is malformed, not merged. */
function header(req: FastifyRequest, name: string): string | undefined | null {
  const v = req.headers[name]
  return Array.isArray(v) ? null : v
}

function printable(req: FastifyRequest, name: string): string | null {
  const v = header(req, name)
  const p = v === null ? ({ ok: false } as const) : printableHeader(v)
  if (!p.ok) throw refuse('header_malformed')
  return p.value
}

/**
 * The provider side of X-Road's REST protocol. The security server in front has already authenticated the
 * client organisation (mutual TLS, signed and logged messages); Passage checks that the call came from a
 * configured security server, that the client is on the administrators' allow-list, and then lets it act as the
 * role the list gives it. Errors keep Passage's `error` and add X-Road's REST error members.
 */
export function registerXroadGateway(app: FastifyInstance, ctx: AppContext): void {
  const { provider, securityServers } = ctx.config.xroad
  app.decorateRequest('xroad', null)

  app.addHook('onRequest', async (req) => {
    if (!isXroad(req.originalUrl)) return
    const call: XroadCall = { id: randomUUID(), requestId: null, client: null, serviceId: null }
    req.xroad = call
    if (!provider) throw refuse('not_published')
    if (!securityServers.includes(req.ip)) throw refuse('security_server')
    call.id = printable(req, 'x-road-id') ?? call.id
    call.requestId = printable(req, 'x-road-request-id')
    const userId = printable(req, 'x-road-userid')
    const parsed = parseServicePath(req.originalUrl, req.method, provider)
    if (!parsed.ok) throw refuse(parsed.problem)
    const named = header(req, 'x-road-service')
    if (named === null || (named !== undefined && !sameServiceId(named, parsed.value.serviceId)))
      throw refuse('service_malformed')
    call.serviceId = parsed.value.serviceId
    const raw = header(req, 'x-road-client')
    const client = parseClientId(raw ?? undefined)
    if (!client.ok) throw refuse('client_malformed')
    call.client = client.value
    const row = await activeXroadClient(ctx.store.db, client.value)
    if (!row) throw refuse('client_not_allowed')
    req.actor = xroadActor(row, req.ip, userId)
  })

  app.addHook('onSend', async (req, reply, payload) => {
    const call = req.xroad
    if (!call) return payload
    reply.header('x-road-id', call.id)
    if (call.requestId) reply.header('x-road-request-id', call.requestId)
    if (call.client) reply.header('x-road-client', call.client)
    if (call.serviceId) reply.header('x-road-service', call.serviceId)
    if (reply.statusCode < 400 || typeof payload !== 'string') return payload
    try {
      const body = JSON.parse(payload) as { error?: { code: string; message: string } }
      if (!body.error) return payload
      // PR-REST §4.6: `type`, `message`, `detail`. `type` names the provider's own error (no `X-Road-Error`
      // header: that flag is for errors raised by the security servers themselves).
      return JSON.stringify({
        type: `Passage.${body.error.code}`,
        message: body.error.message,
        detail: call.id,
        ...body,
      })
    } catch {
      return payload
    }
  })
}
