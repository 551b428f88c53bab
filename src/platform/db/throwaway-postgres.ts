import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ThrowawayPostgres {
  url: string
  port: number
  /** The cluster's data directory (its `postmaster.pid` names the server, for a crash test's kill -9). */
  dataDir: string
  /** `pg_ctl` on this cluster, for fault tests: `restart -m fast` under load, a `stop` then a `start`; `promote` a standby. */
  control(action: 'restart' | 'stop' | 'start' | 'promote'): void
  stop(): Promise<void>
}

/** Finds Debian's PostgreSQL server binaries (initdb, pg_ctl), newest major first. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const majors = readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return majors[0] ? join(root, majors[0], 'bin') : undefined
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

/** Runs a server tool, as the `postgres` user when we are root (the server refuses to run as root). */
function runner(bin: string) {
  const asRoot = process.getuid?.() === 0
  return (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args]
    const res = spawnSync(file, argv, { encoding: 'utf8' })
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`)
  }
}

/** Controls a cluster in `dir/data` that listens on loopback at `port`, with its socket and log in `dir`. */
function throwaway(bin: string, dir: string, port: number): ThrowawayPostgres {
  const run = runner(bin)
  const data = join(dir, 'data')
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=on -c max_connections=200`
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir: data,
    control(action) {
      if (action === 'promote') return run('pg_ctl', ['-D', data, '-w', 'promote'])
      const args = action === 'stop' ? ['-m', 'fast'] : ['-o', opts, '-l', join(dir, 'log')]
      if (action === 'restart') args.unshift('-m', 'fast')
      run('pg_ctl', ['-D', data, ...args, '-w', action])
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      } catch {
        // Already stopped by the test (a failover drill stops its primary).
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

function postgresBin(): string {
  const bin = findPostgresBin()
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)')
  return bin
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  chmodSync(dir, 0o777)
  return dir
}

/**
 * Starts a PostgreSQL cluster in a temporary directory, on loopback and a free port, trusting local
 * connections. The server refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBin()
  const dir = tempDir('passage-pg-')
  runner(bin)('initdb', [
    '-D',
    join(dir, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ])
  const pg = throwaway(bin, dir, await freePort())
  pg.control('start')
  return pg
}

/**
 * A hot standby of `primary` (a throwaway cluster, or any loopback PostgreSQL that trusts replication), made as an
 * operator would: `pg_basebackup -R` writes `standby.signal` and `primary_conninfo`, then it streams.
 */
export async function startThrowawayStandby(primary: { port: number }): Promise<ThrowawayPostgres> {
  const bin = postgresBin()
  const dir = tempDir('passage-standby-')
  runner(bin)('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    join(dir, 'data'),
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ])
  const standby = throwaway(bin, dir, await freePort())
  standby.control('start')
  return standby
}

/** True when `psql`-free detection says a server can be started here. */
export function canStartPostgres(): boolean {
  try {
    return Boolean(findPostgresBin()) && execFileSync('id', ['-u', 'postgres']).length > 0
  } catch {
    return false
  }
}
