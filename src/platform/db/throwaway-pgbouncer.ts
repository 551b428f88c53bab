import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's `pgbouncer` package installs the daemon here. */
export const PGBOUNCER = '/usr/sbin/pgbouncer'

export interface ThrowawayPgBouncer {
  /** PgBouncer's address for the primary's `postgres` database (use `withDatabase` for another). */
  url: string
  /** Sends every new server connection to another PostgreSQL (a failover): rewrite the config, then RELOAD. */
  repoint(port: number): void
  /** Stops and starts the daemon (a restart under load: every client connection is cut). */
  restart(): void
  stop(): void
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

/** The one template, shared with `scripts/topology.sh` (CI's topology): see the file for what it sets. */
const TEMPLATE = new URL('../../../scripts/pgbouncer.ini.in', import.meta.url)

export function pgbouncerIni(o: { dir: string; port: number; serverPort: number }): string {
  const values: Record<string, string> = {
    port: String(o.port),
    server_port: String(o.serverPort),
    dir: o.dir,
  }
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '')
}

/**
 * Starts Debian's PgBouncer in transaction pooling mode in front of a loopback PostgreSQL, in a temporary
 * directory. It refuses to run as root, so as root it runs as the `postgres` user, like the server.
 */
export async function startThrowawayPgBouncer(server: { port: number }): Promise<ThrowawayPgBouncer> {
  if (!existsSync(PGBOUNCER)) throw new Error(`${PGBOUNCER} not found (apt-get install pgbouncer)`)
  const dir = mkdtempSync(join(tmpdir(), 'passage-pgbouncer-'))
  chmodSync(dir, 0o777)
  const port = await freePort()
  const ini = join(dir, 'pgbouncer.ini')
  const asRoot = process.getuid?.() === 0
  const run = (file: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]
    const res = spawnSync(cmd, argv, { encoding: 'utf8' })
    if (res.status !== 0) throw new Error(`${file} failed: ${res.stderr || res.stdout}`)
  }
  writeFileSync(join(dir, 'userlist.txt'), '"postgres" ""\n', { mode: 0o644 })
  writeFileSync(ini, pgbouncerIni({ dir, port, serverPort: server.port }), { mode: 0o644 })
  const pidFile = join(dir, 'pgbouncer.pid')
  const signal = (sig: NodeJS.Signals | 0) => {
    if (!existsSync(pidFile)) return false
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8').trim()), sig)
      return true
    } catch {
      return false
    }
  }
  const start = () => run(PGBOUNCER, ['-d', ini])
  const stop = () => {
    if (!signal('SIGINT')) return
    // SIGINT is PgBouncer's safe shutdown; it removes its pid file when gone.
    for (let i = 0; i < 200 && existsSync(pidFile) && signal(0); i++) spawnSync('sleep', ['0.05'])
  }
  start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    repoint(serverPort) {
      writeFileSync(ini, pgbouncerIni({ dir, port, serverPort }), { mode: 0o644 })
      // SIGHUP reloads the configuration; server connections to the old address are closed as they are released.
      signal('SIGHUP')
    },
    restart() {
      stop()
      start()
    },
    stop() {
      stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
