import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'

/**
 * CPU seconds the PostgreSQL server on this machine has spent so far: the postmaster's own time, the time of
 * every backend and helper that has exited (the kernel adds a reaped child's time to its parent's), and the
 * live children's. A difference of two readings is the server's work in between, whatever else the machine's
 * cores were doing — wall-clock seconds on a machine shared by several agents stretch with their load, CPU
 * seconds much less. Null when the server is not a process of this machine (no /proc entry).
 */
export async function serverCpu(url: string): Promise<() => number | null> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
  // Read while the backend lives: once the client ends, its /proc entry may be gone and the server unknown.
  const parent = fields(rows[0]!.pid)?.[1]
  await client.end()
  const postmaster = parent === undefined ? undefined : Number(parent)
  return () => {
    if (postmaster === undefined) return null
    const own = fields(postmaster)
    if (!own) return null
    // utime, stime, cutime, cstime are fields 14–17 of /proc/PID/stat (indexes 11–14 after the command).
    let ticks = [11, 12, 13, 14].reduce((s, i) => s + Number(own[i]), 0)
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      const f = fields(Number(entry))
      if (f !== null && Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12])
    }
    return ticks / 100
  }
}

/** The fields of /proc/PID/stat after the command (state first, parent pid second), or null if it is gone. */
function fields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return text.slice(text.lastIndexOf(')') + 2).split(' ')
  } catch {
    return null
  }
}

/** This process's CPU seconds so far, user and system. */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

/** The CPU seconds between two readings of `serverCpu`, or null when either is missing. */
export function cpuBetween(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before
}

/** CPU milliseconds per crossing, or "?" when a reading is missing. */
export function perCrossing(seconds: number | null, crossings: number): string {
  return seconds === null || crossings === 0 ? '?' : ((seconds * 1000) / crossings).toFixed(1)
}
