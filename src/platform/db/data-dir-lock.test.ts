import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts'

describe('the data directory lock', () => {
  const dirs: string[] = []
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'passage-lock-'))
    dirs.push(d)
    return d
  }
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('writes this process id and removes the file on release', () => {
    const dir = fresh()
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'passage.lock'), 'utf8')).toBe(String(process.pid))
    release()
    expect(existsSync(join(dir, 'passage.lock'))).toBe(false)
  })

  it('refuses a directory held by another live process', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'passage.lock'), String(process.ppid))
    expect(() => lockDataDir(dir)).toThrowError(DataDirLockedError)
  })

  it('takes over the lock of a process that died (e.g. killed with -9)', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'passage.lock'), '2147483646')
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'passage.lock'), 'utf8')).toBe(String(process.pid))
    release()
  })
})
