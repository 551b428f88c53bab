import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  CandidateIndex,
  type CandidateIndexSnapshot,
  NAME_KEY_VERSION,
} from '../../domain/screening/index.ts'
import { KnownEntries } from './known-entries.ts'

/**
 * The screening index persisted in one file, so a restart loads it in seconds instead of reading and
 * preparing a million entries again. The file says which screening version (and its random token) it
 * reflects and which NAME_KEY_VERSION built it; the caller checks the token against the database and
 * catches up from that version. Everything after the header is covered by a SHA-1 in the header, so a
 * truncated or damaged file is refused, never half-used. (A checksum against damage, not a signature: whoever
 * can write this directory can write the database's data directory too. SHA-1 hashes twice as fast as SHA-256
 * here, and a restart reads ~120 MB.)
 *
 * Layout: `PSGIDX` + format byte + endianness byte, a uint32 header length, the header as JSON, then the
 * sections the header lists, each padded to 8 bytes so typed arrays can be read in place.
 */
const MAGIC = 'PSGIDX'
const FORMAT = 1
export const SNAPSHOT_FILE = 'screening-index.bin'

export interface SnapshotContent {
  names: CandidateIndex
  known: KnownEntries
  version: number
  token: string
}

export type SnapshotRefusal = 'missing' | 'unreadable' | 'format' | 'key_version' | 'damaged' | 'inconsistent'

export type SnapshotRead = { ok: true; content: SnapshotContent } | { ok: false; reason: SnapshotRefusal }

type Typed = Uint8Array | Uint16Array | Int32Array | Float64Array
type Kind = 'u8' | 'u16' | 'i32' | 'f64'
const KINDS = {
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  f64: Float64Array,
} as const

interface Header {
  format: number
  keyVersion: number
  version: number
  token: string
  sha1: string
  sections: { name: string; kind: Kind; count: number }[]
}

const kindOf = (a: Typed): Kind =>
  a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Int32Array ? 'i32' : 'f64'

/** Serialises the index and its bookkeeping (synchronously: the build cannot change while it is copied). */
export function encodeSnapshot(content: SnapshotContent, keyVersion = NAME_KEY_VERSION): Buffer[] {
  const snap = content.names.toSnapshot()
  const known = content.known.toSnapshot()
  const strings = { words: snap.words, nationalities: snap.store.nationalities, lists: known.listNames }
  const sections: [string, Typed][] = [
    ['strings', new TextEncoder().encode(JSON.stringify(strings))],
    ['ids.chars', narrow(snap.store.ids.chars)],
    ['ids.offsets', snap.store.ids.offsets],
    ['ids.lengths', snap.store.ids.lengths],
    ['ids.alive', snap.store.ids.alive],
    ['ids.table', snap.store.ids.table!],
    ['start', snap.store.start],
    ['pool', snap.store.pool],
    ['birth', snap.store.birth],
    ['nationality', snap.store.nationality],
    ['sex', snap.store.sex],
    ['known.chars', narrow(known.ids.chars)],
    ['known.offsets', known.ids.offsets],
    ['known.lengths', known.ids.lengths],
    ['known.alive', known.ids.alive],
    ['known.table', known.ids.table!],
    ['known.versions', known.versions],
    ['known.lists', known.lists],
    ['known.live', known.live],
  ]
  const body: Buffer[] = []
  const hash = createHash('sha1')
  for (const [, a] of sections) {
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength)
    const pad = Buffer.alloc((8 - (a.byteLength % 8)) % 8)
    hash.update(bytes)
    hash.update(pad)
    body.push(bytes, pad)
  }
  const header: Header = {
    format: FORMAT,
    keyVersion,
    version: content.version,
    token: content.token,
    sha1: hash.digest('hex'),
    sections: sections.map(([name, a]) => ({ name, kind: kindOf(a), count: a.length })),
  }
  const json = Buffer.from(JSON.stringify(header))
  const lead = Buffer.alloc(12)
  lead.write(MAGIC, 0, 'latin1')
  lead[6] = FORMAT
  lead[7] = littleEndian() ? 1 : 2
  lead.writeUInt32LE(json.length, 8)
  const pad = Buffer.alloc((8 - ((12 + json.length) % 8)) % 8)
  return [lead, json, pad, ...body]
}

/** Ids are ASCII in practice (UUIDs): stored one byte per character when they all fit. */
function narrow(chars: Uint16Array): Uint8Array | Uint16Array {
  for (let i = 0; i < chars.length; i++) if (chars[i]! > 255) return chars
  return Uint8Array.from(chars)
}

export function decodeSnapshot(file: Uint8Array, keyVersion = NAME_KEY_VERSION): SnapshotRead {
  if (file.length < 12 || Buffer.from(file.subarray(0, 6)).toString('latin1') !== MAGIC)
    return { ok: false, reason: 'format' }
  if (file[6] !== FORMAT || file[7] !== (littleEndian() ? 1 : 2)) return { ok: false, reason: 'format' }
  const headerLength = Buffer.from(file.buffer, file.byteOffset, file.byteLength).readUInt32LE(8)
  if (12 + headerLength > file.length) return { ok: false, reason: 'damaged' }
  let header: Header
  try {
    header = JSON.parse(Buffer.from(file.subarray(12, 12 + headerLength)).toString('utf8'))
  } catch {
    return { ok: false, reason: 'damaged' }
  }
  if (header.format !== FORMAT) return { ok: false, reason: 'format' }
  if (header.keyVersion !== keyVersion) return { ok: false, reason: 'key_version' }
  let at = 12 + headerLength
  at += (8 - (at % 8)) % 8
  const body = file.subarray(at)
  if (createHash('sha1').update(body).digest('hex') !== header.sha1) return { ok: false, reason: 'damaged' }
  // Signed by our hash from here on: a disagreement below is a writer's bug, still never a crash.
  try {
    const sections = new Map<string, Typed>()
    let offset = 0
    for (const s of header.sections) {
      const Kind = KINDS[s.kind]
      const bytes = s.count * Kind.BYTES_PER_ELEMENT
      if (offset + bytes > body.length) return { ok: false, reason: 'damaged' }
      // A view into the file where it is aligned (the restore copies what it keeps), a copy where it is not.
      const at = body.byteOffset + offset
      if (at % 8 === 0) sections.set(s.name, new Kind(body.buffer as ArrayBuffer, at, s.count))
      else {
        const copy = new Uint8Array(bytes)
        copy.set(body.subarray(offset, offset + bytes))
        sections.set(s.name, new Kind(copy.buffer, 0, s.count))
      }
      offset += bytes + ((8 - (bytes % 8)) % 8)
    }
    return content(header, sections)
  } catch {
    return { ok: false, reason: 'inconsistent' }
  }
}

function content(header: Header, sections: Map<string, Typed>): SnapshotRead {
  const get = <T extends Typed>(name: string, Kind: new (...args: never[]) => T): T => {
    const a = sections.get(name)
    if (!(a instanceof Kind)) throw new Error(`section ${name}`)
    return a
  }
  const chars = (name: string): Uint16Array => {
    const a = sections.get(name)
    if (a instanceof Uint16Array) return a
    const narrow = get(name, Uint8Array)
    const wide = new Uint16Array(narrow.length)
    wide.set(narrow)
    return wide
  }
  const strings = JSON.parse(new TextDecoder().decode(get('strings', Uint8Array))) as {
    words: string[]
    nationalities: string[]
    lists: string[]
  }
  const snap: CandidateIndexSnapshot = {
    words: strings.words,
    store: {
      ids: {
        chars: chars('ids.chars'),
        offsets: get('ids.offsets', Int32Array),
        lengths: get('ids.lengths', Int32Array),
        alive: get('ids.alive', Uint8Array),
        table: get('ids.table', Int32Array),
      },
      start: get('start', Int32Array),
      pool: get('pool', Int32Array),
      birth: get('birth', Int32Array),
      nationality: get('nationality', Uint16Array),
      sex: get('sex', Uint8Array),
      nationalities: strings.nationalities,
    },
  }
  const names = CandidateIndex.fromSnapshot(snap)
  const known = KnownEntries.fromSnapshot({
    ids: {
      chars: chars('known.chars'),
      offsets: get('known.offsets', Int32Array),
      lengths: get('known.lengths', Int32Array),
      alive: get('known.alive', Uint8Array),
      table: get('known.table', Int32Array),
    },
    versions: get('known.versions', Float64Array),
    lists: get('known.lists', Int32Array),
    live: get('known.live', Uint8Array),
    listNames: strings.lists,
  })
  if (!names || !known) return { ok: false, reason: 'inconsistent' }
  return { ok: true, content: { names, known, version: header.version, token: header.token } }
}

export async function readSnapshot(dir: string): Promise<SnapshotRead> {
  let file: Buffer
  try {
    file = await readFile(join(dir, SNAPSHOT_FILE))
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' }
  }
  return decodeSnapshot(file)
}

/**
 * Writes beside the file and renames over it: a reader (this process at its next start, or another process
 * sharing the directory) sees the old file or the new one, never a mixture.
 */
export async function writeSnapshot(dir: string, content: SnapshotContent): Promise<void> {
  const parts = encodeSnapshot(content)
  await mkdir(dir, { recursive: true })
  const target = join(dir, SNAPSHOT_FILE)
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    await writeFile(temporary, parts)
    await rename(temporary, target)
  } catch (err) {
    await rm(temporary, { force: true })
    throw err
  }
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
}
