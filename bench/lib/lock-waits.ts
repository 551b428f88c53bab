/**
 * Lock waits while a load runs on PostgreSQL, sampled from `pg_locks` every 50 ms on a connection of its own:
 * how often anyone waited, how many at once on average, and on what kind of lock (advisory = the audit chain,
 * tuple/transactionid = a row such as a statistics rollup or a traveller). A sample, not a trace: short waits between
 * two samples are missed, so the figures are a lower bound.
 */
import pg from 'pg'

export interface LockWaits {
  samples: number
  /** Share of samples in which at least one backend waited for a lock. */
  waitingShare: number
  meanWaiting: number
  maxWaiting: number
  byType: Record<string, number>
}

export async function sampleLockWaits(url: string): Promise<{ stop(): Promise<LockWaits> }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let running = true
  let samples = 0
  let withWaiters = 0
  let waitingSum = 0
  let maxWaiting = 0
  const byType: Record<string, number> = {}
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ locktype: string; n: string }>(
        `SELECT locktype, count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE NOT l.granted AND a.datname = current_database() GROUP BY locktype`,
      )
      samples++
      const waiting = rows.reduce((s, r) => s + Number(r.n), 0)
      if (waiting > 0) withWaiters++
      waitingSum += waiting
      maxWaiting = Math.max(maxWaiting, waiting)
      for (const r of rows) byType[r.locktype] = (byType[r.locktype] ?? 0) + Number(r.n)
      await new Promise((r) => setTimeout(r, 50))
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      await client.end()
      return {
        samples,
        waitingShare: samples ? withWaiters / samples : 0,
        meanWaiting: samples ? waitingSum / samples : 0,
        maxWaiting,
        byType,
      }
    },
  }
}

export function describeLockWaits(w: LockWaits): string {
  const types = Object.entries(w.byType)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n}`)
    .join(', ')
  return `${w.samples} samples, someone waiting in ${(w.waitingShare * 100).toFixed(0)}%, mean ${w.meanWaiting.toFixed(2)} waiting, max ${w.maxWaiting}${types ? ` (waiter-samples by lock type: ${types})` : ''}`
}
