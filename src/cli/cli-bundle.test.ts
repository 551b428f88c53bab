import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable, Writable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { buildBundle, bundledMain, freshBundle } from '../../scripts/cli-bundle.mjs'
import { generateMrz } from '../domain/documents/generate.ts'
import { ICAO_SPECIMENS } from '../domain/documents/specimens.ts'
import { documentFor } from '../domain/documents/test-factories.ts'
import { runMrz } from './commands/mrz.ts'

/** A project laid out like this one: the bundle's entries (main and worker) and a module main imports. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'passage-cli-bundle-'))
  mkdirSync(join(root, 'src', 'cli', 'commands'), { recursive: true })
  writeFileSync(
    join(root, 'src', 'cli', 'commands', 'mrz-main.ts'),
    "import { word, where } from './word.ts'\nexport const main = (): string => word + ' ' + where\n",
  )
  writeFileSync(
    join(root, 'src', 'cli', 'commands', 'mrz-worker.ts'),
    'export const worker = PASSAGE_BUNDLE_DIR\n',
  )
  const edit = (word: string) =>
    writeFileSync(
      join(root, 'src', 'cli', 'commands', 'word.ts'),
      `export const word: string = '${word}'\nexport const where = import.meta.url\n`,
    )
  edit('one')
  return { root, edit }
}

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

describe('the prebuilt CLI bundle', () => {
  it('is rebuilt after any source edit, a same-length one included, and never runs stale code', async () => {
    const { root, edit } = project()
    roots.push(root)
    const source = pathToFileURL(join(root, 'src', 'cli', 'commands', 'word.ts')).href
    expect(freshBundle('mrz', root)).toBeUndefined()
    expect((await bundledMain('mrz', root))()).toBe(`one ${source}`)
    const built = freshBundle('mrz', root)
    expect(built).toBeDefined()
    // The same length, so neither size nor a coarse clock could tell the two apart: only the content does.
    edit('two')
    expect(freshBundle('mrz', root)).toBeUndefined()
    expect((await bundledMain('mrz', root))()).toBe(`two ${source}`)
    expect(freshBundle('mrz', root)).not.toBe(built)
  })

  it('is rebuilt when the repository moves (the bundle names its sources by absolute path)', async () => {
    const { root } = project()
    roots.push(root)
    await buildBundle('mrz', root)
    const moved = `${root}-moved`
    roots.push(moved)
    cpSync(root, moved, { recursive: true })
    expect(freshBundle('mrz', moved)).toBeUndefined()
    expect((await bundledMain('mrz', moved))()).toBe(
      `one ${pathToFileURL(join(moved, 'src/cli/commands/word.ts')).href}`,
    )
  })

  it('falls back (undefined: run through tsx) on a source that does not build, an unknown command, a bad cache', async () => {
    const { root, edit } = project()
    roots.push(root)
    await buildBundle('mrz', root)
    writeFileSync(join(root, '.cache', 'cli', 'mrz.json'), '{ not json')
    expect(freshBundle('mrz', root)).toBeUndefined()
    expect((await bundledMain('mrz', root))()).toBe(
      `one ${pathToFileURL(join(root, 'src/cli/commands/word.ts')).href}`,
    )
    edit("'; syntax error")
    expect(await bundledMain('mrz', root)).toBeUndefined()
    expect(await bundledMain('start', root)).toBeUndefined()
    expect(await bundledMain('__proto__', root)).toBeUndefined()
  })
})

/** `node bin/passage.js mrz ...` with `input` on stdin; PASSAGE_CLI_BUNDLE=0 runs the sources through tsx. */
function passage(args: string[], input: string, bundle: boolean) {
  return new Promise<{ code: number; out: Buffer; err: string }>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['bin/passage.js', ...args],
      {
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, PASSAGE_CLI_BUNDLE: bundle ? '1' : '0', PASSAGE_MRZ_WORKERS: '2' },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error)
        else
          resolve({
            code: typeof error?.code === 'number' ? error.code : 0,
            out: stdout,
            err: stderr.toString(),
          })
      },
    )
    child.stdin!.end(input)
  })
}

/** The command in this process, on one thread. */
async function inProcess(input: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
  await runMrz(
    { stdin: Readable.from([Buffer.from(input)]), stdout, stderr: new PassThrough() },
    { allowSpecimen: true, referenceDate: '2026-05-20' },
    { workers: 0 },
  )
  return Buffer.concat(chunks)
}

describe('passage mrz from the bundle', () => {
  it('writes the same bytes as the sources run through tsx and in process, hostile input included', async () => {
    const td3 = generateMrz(documentFor('TD3')).lines.join('\n')
    const blocks = [
      td3,
      ...ICAO_SPECIMENS.map((s) => s.lines.join('\r\n')),
      'P<KHM"\\\u0000\u001f\u00e9\u{1F600}<<<',
      `${'\uFFFD'.repeat(3)}\n\t \n${'X'.repeat(5000)}`,
      td3.replace('<', 'ក'),
    ]
    // Past 20,000 documents parsing moves to two worker threads (PASSAGE_MRZ_WORKERS): the bundle's `worker.js`, or tsx's.
    let input = ''
    for (let i = 0; i < 24_000; i++) input += `${blocks[i % blocks.length]}\n\n`
    const args = ['mrz', '--date', '2026-05-20', '--allow-specimen']
    const [bundled, viaTsx, direct] = await Promise.all([
      passage(args, input, true),
      passage(args, input, false),
      inProcess(input),
    ])
    expect(bundled.code).toBe(0)
    expect(bundled.out.toString().split('\n').length).toBeGreaterThan(24_000)
    expect(bundled.out.equals(viaTsx.out)).toBe(true)
    expect(bundled.out.equals(direct)).toBe(true)
    expect(readFileSync('.cache/cli/mrz.json', 'utf8')).toContain('src/cli/commands/mrz.ts')
  })

  it('answers a usage error, help and an unknown command as the sources do', async () => {
    for (const args of [
      ['mrz', '--date', 'nope'],
      ['mrz', '--help'],
      ['mrz', '--bogus'],
    ]) {
      const [bundled, viaTsx] = await Promise.all([passage(args, '', true), passage(args, '', false)])
      expect({ code: bundled.code, out: bundled.out.toString(), err: bundled.err }).toEqual({
        code: viaTsx.code,
        out: viaTsx.out.toString(),
        err: viaTsx.err,
      })
    }
    expect((await passage(['mrz', '--date', 'nope'], '', true)).code).toBe(2)
  })
})
