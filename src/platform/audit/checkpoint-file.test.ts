import { generateKeyPairSync } from 'node:crypto'
import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openCheckpoint, signCheckpoint } from './checkpoint.ts'
import { appendNote, checkpointFileIn, readLastNote, readNotes } from './checkpoint-file.ts'
import { verifierOf } from './signed-note.ts'

const dir = mkdtempSync(join(tmpdir(), 'passage-checkpoints-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const key = generateKeyPairSync('ed25519').privateKey
const v = verifierOf('passage.test/audit', key)
const at = (size: number) =>
  signCheckpoint(
    { origin: 'passage.test/audit', size, head: 'cd'.repeat(32), lastSeq: size, time: new Date(size) },
    key,
  )

describe('the checkpoint file', () => {
  it('appends notes readable one by one, the newest from the end of a long file, owner-only', () => {
    for (let size = 1; size <= 300; size++) appendNote(dir, at(size))
    expect(statSync(checkpointFileIn(dir)).size).toBeGreaterThan(16_384)
    expect(statSync(checkpointFileIn(dir)).mode & 0o777).toBe(0o600)
    const all = readNotes(dir)
    expect(all).toHaveLength(300)
    expect(all.map((n) => openCheckpoint(n.note, v)).every((r) => r.ok)).toBe(true)
    expect(all[1]!.source).toBe(`${checkpointFileIn(dir)}:9`)
    const last = readLastNote(dir)!
    expect(openCheckpoint(last.note, v)).toMatchObject({ ok: true, checkpoint: { size: 300 } })
  })

  it('keeps a note cut short by a crash in the list, so the verifier reports it instead of skipping it', () => {
    appendFileSync(checkpointFileIn(dir), 'passage.test/audit\n301\n')
    const notes = readNotes(dir)
    expect(notes).toHaveLength(301)
    expect(openCheckpoint(notes.at(-1)!.note, v)).toEqual({ ok: false, problem: 'format' })
  })
})
