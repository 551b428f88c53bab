import { PassThrough, Readable, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { generateMrz } from '../../domain/documents/generate.ts'
import { ICAO_SPECIMENS } from '../../domain/documents/specimens.ts'
import { documentFor } from '../../domain/documents/test-factories.ts'
import { UsageError } from '../command.ts'
import { mrzCommand } from './mrz.ts'

/** Runs the command on the given stdin text and returns the exit status and the parsed JSON lines. */
async function run(stdin: string | Readable, argv: string[] = ['--date', '2026-05-20']) {
  let out = ''
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      out += chunk
      done()
    },
  })
  const input = typeof stdin === 'string' ? Readable.from([stdin]) : stdin
  const status = await mrzCommand.run(argv, { stdin: input, stdout, stderr: new PassThrough() })
  const lines = out.split('\n').filter((l) => l !== '')
  return { status, out, docs: lines.map((l) => JSON.parse(l)) }
}

const td3 = ICAO_SPECIMENS[0]!.lines.join('\n')
const visa = ICAO_SPECIMENS.find((s) => s.format === 'MRVA')!.lines.join('\n')
const cambodian = generateMrz(documentFor('TD3')).lines.join('\n')

describe('passage mrz', () => {
  it('writes one JSON line per document, in input order, with ISO dates and single-spaced names', async () => {
    const { status, docs } = await run(`${cambodian}\n\n${td3}\r\n\r\n${visa}\n`, [
      '--date',
      '2026-05-20',
      '--allow-specimen',
    ])
    expect(status).toBe(0)
    expect(docs.map((d) => d.format)).toEqual(['TD3', 'TD3', 'MRVA'])
    expect(docs[1]).toEqual({
      format: 'TD3',
      valid: true,
      fields: {
        documentCode: 'P',
        issuingState: 'UTO',
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        personalNumber: 'ZE184226B',
        issuingStateRaw: 'UTO',
        nationalityRaw: 'UTO',
      },
      facts: expect.objectContaining({ expired: true, age: 51, minor: false }),
      checks: {
        documentNumber: true,
        birthDate: true,
        expiryDate: true,
        personalNumber: true,
        composite: true,
      },
      errors: [],
      warnings: [],
    })
    expect(docs[2].fields.optionalData).toBe('6ZE184226B')
  })

  it('states the facts the web app shows on --date: the 2012 specimen is expired on 2026-12-04', async () => {
    const { docs } = await run(`${td3}\n`, ['--date', '2026-12-04', '--allow-specimen'])
    // 2012-04-15 to 2026-12-04 is 5,346 days; born 1974-08-12, Anna Maria Eriksson is 52 that day.
    expect(docs[0].facts).toMatchObject({
      expired: true,
      daysToExpiry: -5346,
      age: 52,
      minor: false,
      expiresSoon: false,
    })
    const before = await run(`${td3}\n`, ['--date', '2012-04-01', '--allow-specimen'])
    expect(before.docs[0].facts).toMatchObject({
      expired: false,
      daysToExpiry: 14,
      expiresSoon: true,
      age: 37,
    })
  })

  it('rejects the specimen state without --allow-specimen, with an English message and a position', async () => {
    const { status, docs } = await run(td3)
    expect(status).toBe(0)
    expect(docs[0].valid).toBe(false)
    expect(docs[0].errors[0]).toEqual({
      code: 'documents.mrz.specimen_state',
      field: 'issuingState',
      message: 'UTO is the ICAO specimen state; it is accepted only in training mode.',
      line: 0,
      start: 2,
      end: 5,
    })
  })

  it('reports a wrong check digit and carries on with the next document', async () => {
    const wrong = cambodian.slice(0, -1) + String((Number(cambodian.at(-1)) + 1) % 10)
    const { docs } = await run(`${wrong}\n\n${cambodian}`)
    expect(docs.map((d) => d.valid)).toEqual([false, true])
    expect(docs[0].errors[0]).toMatchObject({ code: 'documents.mrz.check_digit', field: 'composite' })
    expect(docs[0].errors[0].message).toMatch(/^The check digit is \d; \d was expected\.$/)
  })

  it('writes a result with errors for garbage, and nothing for blank input', async () => {
    const { docs } = await run('hello world\n\n\n\u0000\n')
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ format: null, valid: false })
    expect((await run('\n\n  \n')).docs).toEqual([])
  })

  it('reports an oversized block without keeping it', async () => {
    const huge = `${'<'.repeat(3000)}\n`.repeat(40)
    const { docs } = await run(`${huge}\n${cambodian}`)
    expect(docs.map((d) => d.errors[0]?.code ?? 'ok')).toEqual(['documents.mrz.input_too_long', 'ok'])
  })

  it('streams thousands of documents through a slow consumer, in input order', async () => {
    const count = 3000
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < count; i++) {
          yield `${generateMrz(documentFor('TD3', { documentNumber: `N${i}` })).lines.join('\n')}\n\n`
        }
      })(),
    )
    let out = ''
    const slow = new Writable({
      highWaterMark: 256,
      write(chunk, _encoding, done) {
        out += chunk
        setImmediate(done)
      },
    })
    const io = { stdin: source, stdout: slow, stderr: new PassThrough() }
    expect(await mrzCommand.run(['--date', '2026-05-20'], io)).toBe(0)
    const numbers = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).fields.documentNumber)
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => `N${i}`))
  })

  it.each([[['--bogus']], [['--date', '2026-02-30']], [['--date']]])(
    'refuses the arguments %j as a usage error',
    async (argv) => {
      await expect(
        mrzCommand.run(argv, {
          stdin: Readable.from([]),
          stdout: new PassThrough(),
          stderr: new PassThrough(),
        }),
      ).rejects.toThrow(UsageError)
    },
  )
})
