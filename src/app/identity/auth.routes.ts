import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { capabilities } from '../../domain/identity/policy.ts'
import type { UserRow } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { actorFromUser } from './actor.ts'
import { changePassword } from './change-password.ts'
import { ChangePasswordBody, LocaleBody, SessionView, SignInBody } from './identity.schemas.ts'
import { SESSION_COOKIE } from './session-token.ts'
import { setLocale } from './set-locale.ts'
import { signIn } from './sign-in.ts'
import { signOut } from './sign-out.ts'
import { presentUser } from './user.presenter.ts'
import { findUserById } from './users.repository.ts'

function presentSession(user: UserRow, csrfToken: string) {
  return { user: presentUser(user), csrfToken, capabilities: capabilities(actorFromUser(user, null)) }
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.cookieSecure,
      maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
    })

  r.post(
    '/api/auth/sign-in',
    {
      config: { public: true, rateLimit: { max: ctx.config.signInRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: SignInBody, response: { 200: SessionView } },
    },
    async (req, reply) => {
      const result = await db.transaction().execute((trx) =>
        signIn({
          trx,
          policy: ctx.sessionPolicy,
          username: req.body.username,
          password: req.body.password,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          locale: req.body.locale,
        }),
      )
      if (!result.ok) throw new AppError(result.code)
      setCookie(reply, result.token)
      return presentSession(result.user, result.csrfToken)
    },
  )

  r.post(
    '/api/auth/sign-out',
    { config: { duringPasswordChange: true }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (req, reply) => {
      const actor = actorOf(req)
      await db.transaction().execute((trx) => signOut({ trx, actor, sessionHash: req.session!.idHash }))
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  r.get(
    '/api/auth/session',
    { config: { duringPasswordChange: true }, schema: { tags: ['auth'], response: { 200: SessionView } } },
    async (req) => {
      const user = await findUserById(db, actorOf(req).id)
      return presentSession(user!, req.session!.csrfToken)
    },
  )

  r.post(
    '/api/auth/password',
    {
      config: { duringPasswordChange: true },
      schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: SessionView } },
    },
    async (req) => {
      // The failure count commits with the transaction; only then is the refusal sent.
      const result = await db.transaction().execute((trx) =>
        changePassword({
          trx,
          policy: ctx.sessionPolicy,
          actor: actorOf(req),
          ...req.body,
          keepSessionHash: req.session!.idHash,
        }),
      )
      if (!result.ok) {
        throw new AppError(
          result.code,
          result.code === 'account_locked' ? { minutes: result.retryAfterMinutes } : {},
        )
      }
      return presentSession(result.user, req.session!.csrfToken)
    },
  )

  r.put(
    '/api/auth/locale',
    {
      config: { duringPasswordChange: true },
      schema: { tags: ['auth'], body: LocaleBody, response: { 200: SessionView } },
    },
    async (req) => {
      const user = await db
        .transaction()
        .execute((trx) => setLocale({ trx, actor: actorOf(req), locale: req.body.locale }))
      return presentSession(user, req.session!.csrfToken)
    },
  )
}
