import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { currentHolder, DataDirLockedError, lockDataDir } from './data-dir-lock.ts'

const linux = existsSync('/proc/self/stat')

describe('the data directory lock', () => {
  const dirs: string[] = []
  const children: ChildProcess[] = []
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'passage-lock-'))
    dirs.push(d)
    return d
  }
  /** A live process that is not Passage: what a reused PID points at after a reboot. */
  const unrelated = () => {
    const child = spawn('sleep', ['300'], { stdio: 'ignore' })
    children.push(child)
    return child.pid!
  }
  const lockFile = (dir: string) => join(dir, 'passage.lock')
  const holder = (dir: string) => JSON.parse(readFileSync(lockFile(dir), 'utf8'))
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL')
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('records this process (PID, boot, start time) and removes the file on release', () => {
    const dir = fresh()
    const release = lockDataDir(dir)
    expect(holder(dir)).toEqual(currentHolder())
    expect(holder(dir).pid).toBe(process.pid)
    release()
    expect(existsSync(lockFile(dir))).toBe(false)
  })

  it('refuses a directory held by another live process', () => {
    const dir = fresh()
    writeFileSync(lockFile(dir), JSON.stringify(currentHolder(process.ppid)))
    expect(() => lockDataDir(dir)).toThrowError(DataDirLockedError)
    expect(holder(dir).pid).toBe(process.ppid)
  })

  it('takes over the lock of a process that died (e.g. killed with -9)', () => {
    const dir = fresh()
    writeFileSync(lockFile(dir), '2147483646')
    const release = lockDataDir(dir)
    expect(holder(dir).pid).toBe(process.pid)
    release()
  })

  it.skipIf(!linux)('takes over an old-style lock whose PID now belongs to an unrelated live process', () => {
    const dir = fresh()
    // What the previous version wrote: the bare PID. After a reboot, `sleep` got that PID.
    writeFileSync(lockFile(dir), String(unrelated()))
    const release = lockDataDir(dir)
    expect(holder(dir).pid).toBe(process.pid)
    release()
  })

  it.skipIf(!linux)(
    'takes over a lock from an earlier boot, and one whose PID was reused on this boot',
    () => {
      const dir = fresh()
      const pid = unrelated()
      const now = currentHolder(pid)
      writeFileSync(lockFile(dir), JSON.stringify({ ...now, bootId: '00000000-0000-0000-0000-000000000000' }))
      lockDataDir(dir)()
      writeFileSync(lockFile(dir), JSON.stringify({ ...now, startTicks: String(Number(now.startTicks) - 1) }))
      const release = lockDataDir(dir)
      expect(holder(dir).pid).toBe(process.pid)
      release()
    },
  )

  it.skipIf(!linux)('still refuses an unrelated-looking live holder whose boot and start time match', () => {
    const dir = fresh()
    writeFileSync(lockFile(dir), JSON.stringify(currentHolder(unrelated())))
    expect(() => lockDataDir(dir)).toThrowError(DataDirLockedError)
  })

  it('takes over a lock file that holds garbage', () => {
    const dir = fresh()
    writeFileSync(lockFile(dir), '{"pid": "1; rm -rf /"}')
    const release = lockDataDir(dir)
    expect(holder(dir).pid).toBe(process.pid)
    release()
  })
})
