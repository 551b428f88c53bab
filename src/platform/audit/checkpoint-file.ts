import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'

/** The one append-only file a checkpoint directory holds; archived copies are kept under other names. */
export const CHECKPOINT_FILE = 'checkpoints.txt'

export function checkpointFileIn(dir: string): string {
  return join(dir, CHECKPOINT_FILE)
}

/**
 * Appends one signed note and a blank line in a single write to a file opened for appending, then syncs it: a
 * note is never interleaved with another writer's nor left in the page cache when the call returns. Writers on
 * one database are serialised by an advisory lock besides (see write-checkpoint.ts).
 */
export function appendNote(dir: string, note: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const fd = openSync(checkpointFileIn(dir), 'a', 0o600)
  try {
    writeSync(fd, `${note}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export interface FoundNote {
  note: string
  /** `file:line` of the note's first line. */
  source: string
}

/** Splits a checkpoint file into its notes: text lines, a blank line, signature lines, a blank line. */
export function splitNotes(content: string, file: string): FoundNote[] {
  const lines = content.split('\n')
  const notes: FoundNote[] = []
  let i = 0
  while (i < lines.length) {
    if (lines[i] === '') {
      i++
      continue
    }
    const start = i
    while (i < lines.length && lines[i] !== '') i++
    const text = lines.slice(start, i)
    i++
    const signatures: string[] = []
    while (i < lines.length && lines[i]!.startsWith('\u2014 ')) signatures.push(lines[i++]!)
    // A note cut short (no signature) stays in the list, so the verifier reports it rather than skipping it.
    notes.push({
      note: `${text.join('\n')}\n\n${signatures.map((s) => `${s}\n`).join('')}`,
      source: `${file}:${start + 1}`,
    })
  }
  return notes
}

/**
 * Every note in a file; for a directory, the notes of its checkpoint file, or with `every` of each `*.txt` file in
 * it (an operator's archive of dated copies). Notes found in several copies are read once.
 */
export function readNotes(path: string, every = false): FoundNote[] {
  if (!existsSync(path)) return []
  const files = !statSync(path).isDirectory()
    ? [path]
    : every
      ? readdirSync(path)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => join(path, f))
      : [checkpointFileIn(path)].filter(existsSync)
  const seen = new Set<string>()
  return files
    .flatMap((file) => splitNotes(readFileSync(file, 'utf8'), file))
    .filter((n) => !seen.has(n.note) && seen.add(n.note))
}

/** The newest note of a directory's file, read from its end, so a long file costs the periodic writer nothing. */
export function readLastNote(dir: string): FoundNote | undefined {
  const file = checkpointFileIn(dir)
  if (!existsSync(file)) return undefined
  const size = statSync(file).size
  const length = Math.min(size, 16_384)
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(length)
    readFully(fd, buf, size - length)
    let tail = buf.toString('utf8')
    // Start at a note's beginning: after a blank line that follows a signature line.
    if (length < size) tail = tail.slice(tail.indexOf('\n\n', tail.indexOf('\u2014 ')) + 2)
    return splitNotes(tail, file).at(-1)
  } finally {
    closeSync(fd)
  }
}

function readFully(fd: number, buf: Buffer, position: number): void {
  let done = 0
  while (done < buf.length) {
    const n = readSync(fd, buf, done, buf.length - done, position + done)
    if (n === 0) break
    done += n
  }
}
