import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export class DataDirLockedError extends Error {}

/** Who holds the lock: a PID alone is not enough, since after a reboot (or a long uptime) another process gets it. */
export interface LockHolder {
  pid: number
  /** The kernel's boot id (Linux): a lock from an earlier boot is stale whatever process has its PID now. */
  bootId?: string
  /** The process's start time in clock ticks after boot (Linux, /proc/PID/stat field 22): a reused PID differs. */
  startTicks?: string
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

export function bootId(): string | undefined {
  return readOrUndefined('/proc/sys/kernel/random/boot_id')?.trim()
}

export function processStartTicks(pid: number): string | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`)
  // The command name (field 2) is in parentheses and may itself hold spaces or parentheses: count after the last one.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function currentHolder(pid = process.pid): LockHolder {
  return { pid, bootId: bootId(), startTicks: processStartTicks(pid) }
}

/** Reads a lock file: JSON today; a bare PID as written by earlier versions. */
function parseHolder(text: string): LockHolder | undefined {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()) }
  try {
    const v = JSON.parse(text) as Partial<LockHolder>
    return Number.isSafeInteger(v.pid) && (v.pid ?? 0) > 0 ? (v as LockHolder) : undefined
  } catch {
    return undefined
  }
}

/**
 * True when the process named by the lock still runs: the PID is alive, and — where Linux tells — on this boot
 * and with the same start time. A lock in the old bare-PID form carries neither, so its process must also
 * look like Passage (an argument of its command line is `…/passage` or `…/passage.js`), or the PID was reused by something else.
 */
export function holderIsLive(h: LockHolder): boolean {
  if (!alive(h.pid)) return false
  const now = currentHolder(h.pid)
  if (h.bootId && now.bootId && h.bootId !== now.bootId) return false
  if (h.startTicks && now.startTicks) return h.startTicks === now.startTicks
  const cmdline = readOrUndefined(`/proc/${h.pid}/cmdline`)
  return cmdline === undefined || cmdline.split('\0').some((arg) => /(^|\/)passage(\.js)?$/.test(arg))
}

/**
 * PGlite is single-process: two processes on one data directory would corrupt it. A lock file records who holds
 * the directory; a stale one (its process gone after a kill -9, or its PID now another process's after a reboot)
 * is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'passage.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(currentHolder())}\n`, { flag: 'wx' })
      return () => rmSync(file, { force: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = parseHolder(readOrUndefined(file) ?? '')
      if (holder && holder.pid !== process.pid && holderIsLive(holder)) {
        throw new DataDirLockedError(`Data directory ${dir} is in use by process ${holder.pid}`)
      }
      rmSync(file, { force: true })
    }
  }
  throw new DataDirLockedError(`Could not lock data directory ${dir}`)
}
