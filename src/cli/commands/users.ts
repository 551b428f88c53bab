import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { createUser, resetPassword, updateUser } from '../../app/identity/manage-users.ts'
import { findUserByUsername, listUsers } from '../../app/identity/users.repository.ts'
import { isRole, SCOPES, type Scope } from '../../domain/identity/roles.ts'
import { loadConfig } from '../../platform/config/config.ts'
import type { Db } from '../../platform/db/database.ts'
import { openMigratedStore } from '../../platform/runtime.ts'
import { type CliIO, type Command, UsageError } from '../command.ts'

const usage = `passage users <subcommand>

  add --username NAME --name "Display Name" --role ROLE --agency CODE --scope post|agency|national
      [--post CODE] [--password PASSWORD]
  list
  disable USERNAME
  reset-password USERNAME [--password PASSWORD]

Without --password a temporary password is generated and printed; the user must change it at first sign-in.`

function temporaryPassword(): string {
  return `tmp-${randomBytes(12).toString('base64url')}`
}

async function byUsername(db: Db, username: string | undefined) {
  if (!username) throw new UsageError('a USERNAME is required')
  const user = await findUserByUsername(db, username)
  if (!user) throw new Error(`no user named "${username}"`)
  return user
}

async function dispatch(db: Db, sub: string | undefined, rest: string[], io: CliIO): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      post: { type: 'string' },
      scope: { type: 'string' },
      password: { type: 'string' },
    },
  })
  switch (sub) {
    case 'add': {
      if (!v.username || !v.name || !v.role || !v.agency || !v.scope)
        throw new UsageError('missing required options')
      if (!isRole(v.role)) throw new UsageError(`unknown role "${v.role}"`)
      if (!SCOPES.includes(v.scope as Scope)) throw new UsageError(`unknown scope "${v.scope}"`)
      const password = v.password ?? temporaryPassword()
      const user = await db.transaction().execute((trx) =>
        createUser({
          trx,
          actor: null,
          user: {
            username: v.username!,
            displayName: v.name!,
            role: v.role as never,
            agencyCode: v.agency!,
            postCode: v.post ?? null,
            scope: v.scope as Scope,
            password,
          },
        }),
      )
      io.stdout.write(`Created ${user.username} (${user.role}, ${user.agency_code}).\n`)
      if (!v.password) io.stdout.write(`Temporary password: ${password}\n`)
      return 0
    }
    case 'list': {
      const { rows } = await listUsers(db, { limit: 10_000, offset: 0 })
      for (const u of rows) {
        const state = u.disabled
          ? 'disabled'
          : u.locked_until && u.locked_until > new Date()
            ? 'locked'
            : 'active'
        io.stdout.write(
          `${u.username}\t${u.role}\t${u.agency_code}\t${u.post_code ?? '-'}\t${u.scope}\t${state}\n`,
        )
      }
      return 0
    }
    case 'disable': {
      const user = await byUsername(db, positionals[0])
      await db
        .transaction()
        .execute((trx) => updateUser({ trx, actor: null, userId: user.id, changes: { disabled: true } }))
      io.stdout.write(`Disabled ${user.username}; their sessions were ended.\n`)
      return 0
    }
    case 'reset-password': {
      const user = await byUsername(db, positionals[0])
      const password = v.password ?? temporaryPassword()
      await db.transaction().execute((trx) => resetPassword({ trx, actor: null, userId: user.id, password }))
      io.stdout.write(`Password of ${user.username} reset; it must be changed at next sign-in.\n`)
      if (!v.password) io.stdout.write(`Temporary password: ${password}\n`)
      return 0
    }
    default:
      throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required')
  }
}

export const usersCommand: Command = {
  name: 'users',
  summary: 'Add, list, disable users and reset passwords',
  usage,
  async run([sub, ...rest], io) {
    const store = await openMigratedStore(loadConfig())
    try {
      return await dispatch(store.db, sub, rest, io)
    } finally {
      await store.close()
    }
  },
}
