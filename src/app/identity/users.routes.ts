import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { allowedScope } from '../../domain/identity/policy.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import {
  CreateUserBody,
  ResetPasswordBody,
  UpdateUserBody,
  UserListQuery,
  UserParams,
  UserView,
} from './identity.schemas.ts'
import { createUser, resetPassword, updateUser } from './manage-users.ts'
import { presentUser } from './user.presenter.ts'
import { listUsers } from './users.repository.ts'

export async function usersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store

  r.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        querystring: UserListQuery,
        response: { 200: z.object({ items: z.array(UserView), total: z.number() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req)
      const scope = allowedScope(actor, 'read', 'user')
      if (!scope) throw new AppError('forbidden')
      // The query is narrowed to what the actor may see rather than filtered after the fact.
      const narrowed = {
        ...req.query,
        ...(scope !== 'national' ? { agencyCode: actor.agencyCode } : {}),
        ...(scope === 'post' ? { postCode: actor.postCode ?? '-' } : {}),
      }
      const { rows, total } = await listUsers(db, narrowed)
      return { items: rows.map(presentUser), total }
    },
  )

  r.post(
    '/api/users',
    { schema: { tags: ['users'], body: CreateUserBody, response: { 201: UserView, 200: UserView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'users.create', async (trx, actor) =>
        presentUser(await createUser({ trx, actor, user: req.body })),
      ),
  )

  r.patch(
    '/api/users/:id',
    { schema: { tags: ['users'], params: UserParams, body: UpdateUserBody, response: { 200: UserView } } },
    async (req) => {
      const row = await db
        .transaction()
        .execute((trx) => updateUser({ trx, actor: actorOf(req), userId: req.params.id, changes: req.body }))
      return presentUser(row)
    },
  )

  r.post(
    '/api/users/:id/password',
    { schema: { tags: ['users'], params: UserParams, body: ResetPasswordBody, response: { 200: UserView } } },
    async (req) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          resetPassword({ trx, actor: actorOf(req), userId: req.params.id, password: req.body.password }),
        )
      return presentUser(row)
    },
  )
}
