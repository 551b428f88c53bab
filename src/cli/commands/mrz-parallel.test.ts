import { PassThrough, Readable, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { generateMrz } from '../../domain/documents/generate.ts'
import { ICAO_SPECIMENS } from '../../domain/documents/specimens.ts'
import { documentFor } from '../../domain/documents/test-factories.ts'
import { endlessInput } from './mrz.testing.ts'
import { type MrzRunTuning, runMrz } from './mrz.ts'
import { workerCount } from './mrz-workers.ts'

const options = { allowSpecimen: true, referenceDate: '2026-05-20' }
const td1 = generateMrz(documentFor('TD1')).lines.join('\n')
const td3 = generateMrz(documentFor('TD3')).lines.join('\r\n')
/** Valid, damaged, hostile and oversized documents, with the blank lines and line ends that separate them. */
const documents = [
  td1,
  td3,
  ...ICAO_SPECIMENS.map((s) => s.lines.join('\n')),
  td1.replace('<', '"'),
  'P<KHM\\\u0000\u001f\u00e9\u{1F600}ក<<<',
  `\uFFFD\n \t \n${'X'.repeat(9000)}`,
  td3.slice(0, 40),
]

function input(count: number): Buffer {
  let text = ''
  for (let i = 0; i < count; i++)
    text += `${documents[i % documents.length]}${i % 7 === 0 ? '\r\n\r\n' : '\n\n'}`
  return Buffer.from(text)
}

/** Cut into uneven chunks, a UTF-8 sequence or a CRLF split between two of them included. */
function chunks(bytes: Buffer): Buffer[] {
  const out: Buffer[] = []
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = [1, 7, 4093, 65_536, 300_001][i % 5]!
    out.push(bytes.subarray(at, at + size))
    at += size
  }
  return out
}

/** Even 1,000-byte chunks: the long line arrives in nine of them, none holding a blank line. */
function kilobytes(bytes: Buffer): Buffer[] {
  const out: Buffer[] = []
  for (let at = 0; at < bytes.length; at += 1000) out.push(bytes.subarray(at, at + 1000))
  return out
}

async function run(
  bytes: Buffer,
  tuning: MrzRunTuning,
  cut: (bytes: Buffer) => (Buffer | string)[] = chunks,
): Promise<Buffer> {
  const parts: Buffer[] = []
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(Buffer.from(chunk))
      done()
    },
  })
  const status = await runMrz(
    { stdin: Readable.from(cut(bytes)), stdout, stderr: new PassThrough() },
    options,
    tuning,
  )
  expect(status).toBe(0)
  return Buffer.concat(parts)
}

describe('passage mrz on worker threads', () => {
  it('writes the same bytes, in input order, as one thread does, whenever parsing moves to the workers', async () => {
    const bytes = input(3000)
    const alone = await run(bytes, { workers: 0 })
    // The oversized document holds a blank line: it is two.
    expect(alone.toString().split('\n').length).toBeGreaterThan(3000)
    const [from0, from100, single] = await Promise.all([
      run(bytes, { workers: 2, parallelAfter: 0, batchBytes: 3000 }),
      run(bytes, { workers: 3, parallelAfter: 100, batchBytes: 1 }),
      run(bytes, { workers: 1, parallelAfter: 2999, batchBytes: 128 * 1024 }),
    ])
    expect(from0.equals(alone)).toBe(true)
    expect(from100.equals(alone)).toBe(true)
    expect(single.equals(alone)).toBe(true)
  })

  it('writes nothing for empty input, and a last batch smaller than the others', async () => {
    expect((await run(Buffer.alloc(0), { workers: 2, parallelAfter: 0 })).length).toBe(0)
    const bytes = input(25)
    expect(
      (await run(bytes, { workers: 2, parallelAfter: 0, batchBytes: 1000 })).equals(
        await run(bytes, { workers: 0 }),
      ),
    ).toBe(true)
  })

  it('reads a long stretch without a blank line on the main thread, then hands the rest to the workers again', async () => {
    // The 9,000-character line is past `maxPending`: it cannot be cut, and is read here in constant memory.
    const bytes = input(300)
    const alone = await run(bytes, { workers: 0 })
    expect(
      (
        await run(bytes, { workers: 2, parallelAfter: 10, batchBytes: 1024, maxPending: 4096 }, kilobytes)
      ).equals(alone),
    ).toBe(true)
  })

  it("takes text chunks among the bytes (a caller's stream) on the main thread, in order", async () => {
    const bytes = input(400)
    const alone = await run(bytes, { workers: 0 })
    const mixed = (b: Buffer) => chunks(b).map((c, i) => (i % 9 === 4 ? c.toString('latin1') : c))
    // Text decoded as Latin-1 is not what the bytes say: compare with one thread reading the same mixed stream.
    const oneThread = await run(bytes, { workers: 0 }, mixed)
    expect(
      (await run(bytes, { workers: 2, parallelAfter: 0, batchBytes: 512 }, mixed)).equals(oneThread),
    ).toBe(true)
    expect(oneThread.equals(alone)).toBe(false)
  })

  it('starts one worker per core, none on one core, at most four, whatever the load', () => {
    expect(workerCount(1, undefined)).toBe(0)
    expect(workerCount(2, undefined)).toBe(2)
    expect(workerCount(3, undefined)).toBe(3)
    expect(workerCount(16, undefined)).toBe(4)
    // PASSAGE_MRZ_WORKERS decides when it is a number; anything else is ignored.
    expect(workerCount(1, '2')).toBe(2)
    expect(workerCount(8, '0')).toBe(0)
    expect(workerCount(8, '99')).toBe(4)
    expect(workerCount(1, 'many')).toBe(0)
    expect(workerCount(2, '-1')).toBe(2)
    expect(workerCount(2, '')).toBe(2)
  })

  it('stops quietly, its workers with it, when the consumer goes away', async () => {
    const { stream: endless, reads } = endlessInput(td1)
    let writes = 0
    const gone = new Writable({
      write(_chunk, _encoding, done) {
        // The first lines go through, then the reader closes the pipe.
        if (++writes > 3) done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
        else done()
      },
    })
    const status = await runMrz({ stdin: endless, stdout: gone, stderr: new PassThrough() }, options, {
      workers: 2,
      parallelAfter: 100,
      batchBytes: 4096,
    })
    expect(status).toBe(0)
    expect(reads()).toBeLessThan(1000)
  })
})
