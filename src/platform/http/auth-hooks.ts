import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { actorFromUser, type RequestActor } from '../../app/identity/actor.ts'
import { authenticate } from '../../app/identity/authenticate.ts'
import { SessionCache } from '../../app/identity/session-cache.ts'
import { hashToken, SESSION_COOKIE } from '../../app/identity/session-token.ts'
import { type CacheVersions, readCacheVersions, SharedVersionReads } from '../cache/cache-versions.ts'
import { ReferenceCache, type ReferenceLists, uncachedLists } from '../cache/reference-cache.ts'
import { AppError } from '../errors/codes.ts'
import type { AppContext } from './context.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null
    session: { idHash: string; csrfToken: string; mustChangePassword: boolean } | null
    /** The process's reference lists at the version this request read (`platform/cache/`). */
    refs: ReferenceLists | null
    /** The alert lists' version as this request first read it; null without a session. */
    screeningHead: CacheVersions['screening'] | null
  }
  interface FastifyInstance {
    /** This app's caches: one set per server, shared by its requests, invalidated through the database. */
    caches: { sessions: SessionCache; reference: ReferenceCache }
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, sign-in, docs). */
    public?: boolean
    /** Reachable while the user still has to replace a temporary password. */
    duringPasswordChange?: boolean
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Every /api route needs a session unless it is marked public. Cookie-authenticated writes must also
 * carry the session's CSRF token in `X-CSRF-Token` (a cross-site form cannot read or set it).
 */
export function registerAuthHooks(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null)
  app.decorateRequest('session', null)
  app.decorateRequest('refs', null)
  app.decorateRequest('screeningHead', null)
  const caches = { sessions: new SessionCache(), reference: new ReferenceCache() }
  app.decorate('caches', caches)
  const versionReads = new SharedVersionReads(() => readCacheVersions(ctx.store.db))
  // Before validation, so an anonymous or forged request learns nothing about the schema.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    // Unmatched paths go to the not-found handler, which answers the same to everyone.
    if (!req.url.startsWith('/api/') || !req.routeOptions.url) return
    // A call through X-Road was authenticated by the gateway (security server + allow-list), never by a cookie.
    if (req.xroad) return
    // The docs pages are registered by a plugin, so they cannot carry the route flag themselves.
    const config = req.url.startsWith('/api/docs') ? { public: true } : req.routeOptions.config
    const token = req.cookies?.[SESSION_COOKIE]
    if (config.public && !token) return
    // One statement, shared with the requests arriving beside it: the versions every cache of this process is
    // checked against (migration 0018).
    const versions = token ? await versionReads.current() : null
    if (versions) {
      req.refs = caches.reference.at(versions.reference)
      req.screeningHead = versions.screening
    }
    const result = await authenticate(
      ctx.store.db,
      ctx.sessionPolicy,
      token,
      new Date(),
      versions ? { cache: caches.sessions, authVersion: versions.auth } : undefined,
    )
    if (!result.ok) {
      if (config.public) return
      throw new AppError(result.code)
    }
    req.actor = actorFromUser(result.user, req.ip)
    req.session = {
      idHash: hashToken(token!),
      csrfToken: result.session.csrfToken,
      mustChangePassword: result.user.must_change_password,
    }
    if (config.public) return
    if (UNSAFE.has(req.method)) {
      const header = req.headers['x-csrf-token']
      if (typeof header !== 'string' || !sameToken(header, req.session.csrfToken))
        throw new AppError('csrf_failed')
    }
    if (req.session.mustChangePassword && !req.routeOptions.config.duringPasswordChange)
      throw new AppError('password_change_required')
  })
}

/** The request's reference lists; read every time for a request that carried no session. */
export function refsOf(req: FastifyRequest): ReferenceLists {
  return req.refs ?? uncachedLists
}

/** For handlers of non-public routes: the hook above guarantees the actor is there. */
export function actorOf(req: FastifyRequest): RequestActor {
  if (!req.actor) throw new AppError('not_authenticated')
  return req.actor
}
