import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config/config.ts'
import { openStore } from './db/database.ts'
import { describeStore } from './runtime.ts'

/** The CI cluster's Unix socket (`.ci/run` starts it with `-k` and exports this). */
const socketUrl = process.env.TEST_DATABASE_SOCKET_URL

describe('where the start-up line says the database is', () => {
  const said = (env: Record<string, string>) => describeStore(loadConfig({ LOG_LEVEL: 'silent', ...env }))

  it('names a TCP server, a Unix socket and a replica as the driver reads them, never the password', () => {
    expect(said({ DATABASE_URL: 'postgres://passage:s3cret@db.example:6432/passage' })).toBe(
      'PostgreSQL at db.example:6432/passage',
    )
    expect(said({ DATABASE_URL: 'postgres:///passage?host=/run/postgresql&user=passage' })).toBe(
      'PostgreSQL at the socket /run/postgresql/.s.PGSQL.5432/passage',
    )
    // `user@` with no host is not a WHATWG URL: the line used to crash the start-up on it.
    expect(said({ DATABASE_URL: 'postgresql://passage@/passage?host=/var/run/postgresql&port=5433' })).toBe(
      'PostgreSQL at the socket /var/run/postgresql/.s.PGSQL.5433/passage',
    )
    const both = said({
      DATABASE_URL: 'postgres:///passage?host=/run/postgresql',
      DATABASE_READ_URL: 'postgres://reader:pw@replica.example/passage',
    })
    expect(both).toBe(
      'PostgreSQL at the socket /run/postgresql/.s.PGSQL.5432/passage, reads that may lag from replica.example:5432/passage',
    )
    expect(both).not.toContain('pw')
  })
})

describe.skipIf(!socketUrl && !process.env.CI)('a store on the Unix socket', () => {
  it('connects through the socket, not TCP (the server sees no client address)', async () => {
    if (!socketUrl) throw new Error('TEST_DATABASE_SOCKET_URL not set: .ci/run exports the cluster socket')
    const store = await openStore({ databaseUrl: socketUrl })
    try {
      const { rows } = await sql<{ addr: string | null; one: number }>`
        SELECT inet_client_addr()::text AS addr, 1 AS one`.execute(store.db)
      expect(rows).toEqual([{ addr: null, one: 1 }])
    } finally {
      await store.close()
    }
  })
})
