/**
 * One API process of the two-process crossings bench: the real server on `BENCH_API_DATABASE_URL`, on a free
 * loopback port it prints as `{"port":…}` once ready. On SIGTERM it prints the statements and commits its store
 * sent (`{"statements":…,"commits":…}`) and exits; `count` on stdin prints them and its CPU seconds without stopping.
 */
import { loadConfig } from '../../src/platform/config/config.ts'
import { openStore } from '../../src/platform/db/database.ts'
import { sessionPolicyFrom } from '../../src/platform/http/context.ts'
import { buildServer } from '../../src/platform/http/server.ts'
import { cpuSeconds } from './server-cpu.ts'

const store = await openStore({ databaseUrl: process.env.BENCH_API_DATABASE_URL! })
const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' })
const app = await buildServer({ ctx: { store, config, sessionPolicy: sessionPolicyFrom(config) } })
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : 0
process.stdout.write(`${JSON.stringify({ port })}\n`)
process.stdin.on('data', (d) => {
  // "count" asks for the counter without stopping (the parent reads it before and after the load).
  // With this process's CPU seconds so far (user + system), for CPU per crossing beside the wall-clock rate.
  if (d.toString().includes('count'))
    process.stdout.write(`${JSON.stringify({ ...store.statements.snapshot(), cpu: cpuSeconds() })}\n`)
})
process.on('SIGTERM', async () => {
  await app.close()
  await store.close()
  process.exit(0)
})
