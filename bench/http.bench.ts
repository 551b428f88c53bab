import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'
import { seed } from '../src/app/seed.ts'
import { loadConfig } from '../src/platform/config/config.ts'
import { openStore } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { sessionPolicyFrom } from '../src/platform/http/context.ts'
import { buildServer } from '../src/platform/http/server.ts'
import type { BenchArea, Figure } from './lib/types.ts'

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5)
const PASSWORD = 'bench-password-for-demo-users'

async function rps(url: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url, connections: 16, duration: SECONDS, headers })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  )
}

/** Passage's health and an authenticated read, each beside a bare node:http server answering the same JSON. */
const area: BenchArea = {
  area: 'http',
  async run(ctx) {
    const bare = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"status":"ok"}')
    })
    const bareUrl = await listen(bare)

    const store = await openStore({ memory: true })
    await migrateToLatest(store.db as never)
    await seed({ db: store.db, demo: true, demoPassword: PASSWORD })
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' })
    const app = await buildServer({ ctx: { store, config, sessionPolicy: sessionPolicyFrom(config) } })
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.poipet', password: PASSWORD }),
    })
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!

    try {
      ctx.log(`${SECONDS} s per run, 16 connections, PGlite in memory`)
      const bareRps = await rps(bareUrl)
      const healthRps = await rps(`${base}/api/health`)
      const postsRps = await rps(`${base}/api/posts`, { cookie })
      const figures: Figure[] = [
        {
          area: 'http',
          name: 'health-rps',
          unit: 'req/s',
          value: healthRps,
          baseline: 'bare node:http',
          baselineValue: bareRps,
          better: 'higher',
        },
        {
          area: 'http',
          name: 'authenticated-read-rps',
          unit: 'req/s',
          value: postsRps,
          baseline: 'bare node:http',
          baselineValue: bareRps,
          better: 'higher',
        },
      ]
      return figures
    } finally {
      await app.close()
      await store.close()
      await new Promise((r) => bare.close(r))
    }
  },
}

export default area
