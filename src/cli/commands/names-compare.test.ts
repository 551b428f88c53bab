import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../command.ts'
import { namesCompareCommand } from './names-compare.ts'

async function run(argv: string[], input: string): Promise<{ code: number; lines: unknown[] }> {
  const stdout = new PassThrough()
  const chunks: Buffer[] = []
  stdout.on('data', (c: Buffer) => chunks.push(c))
  const code = await namesCompareCommand.run(argv, {
    stdin: Readable.from([input]),
    stdout,
    stderr: new PassThrough(),
  })
  const text = Buffer.concat(chunks).toString('utf8')
  return {
    code,
    lines: text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
  }
}

describe('passage names compare', () => {
  it('is registered under the name "names"', () => {
    expect(namesCompareCommand.name).toBe('names')
  })

  it('writes one score and decision per pair, in order', async () => {
    const input = [
      JSON.stringify({ a: 'Chhay Sokha', b: 'ឆៃ សុខា' }),
      JSON.stringify({ a: 'Nguyen Van An', b: 'Nguyen Van Anh' }),
      JSON.stringify({ a: 'Chea Sokha', b: 'Chea Sokha', aBirthDate: '1990', bBirthDate: '1990-04-12' }),
    ].join('\n')
    const { code, lines } = await run(['compare'], input)
    expect(code).toBe(0)
    expect(lines).toEqual([
      { score: expect.any(Number), decision: 'match' },
      { score: expect.any(Number), decision: 'no-match' },
      { score: 1, decision: 'match' },
    ])
  })

  it('answers a malformed line with an error on its line and goes on', async () => {
    const input = [
      '{not json',
      '[1,2]',
      '{"a": "Sok"}',
      '{"a": "Sok", "b": "Sok", "aBirthDate": 1990}',
      '',
      '{"a":"Sok","b":"Sok"}\r',
    ].join('\n')
    const { lines } = await run(['compare'], input)
    expect(lines).toEqual([
      { error: { code: 'invalid-json', message: expect.any(String) } },
      { error: { code: 'invalid-pair', message: expect.any(String) } },
      { error: { code: 'invalid-pair', message: expect.any(String) } },
      { error: { code: 'invalid-pair', message: expect.any(String) } },
      { score: 1, decision: 'match' },
    ])
  })

  it('adds the explanation with --explain', async () => {
    const { lines } = await run(['compare', '--explain'], '{"a": "Zhang Wei", "b": "Wei Zhang"}\n')
    expect(lines[0]).toMatchObject({ decision: 'match', explanation: { orderSwapped: true } })
  })

  it('answers every line of a large input, one result per line', async () => {
    const input = `${'{"a":"Sok Dara","b":"Dara Sok"}\n'.repeat(5000)}`
    const { lines } = await run(['compare'], input)
    expect(lines).toHaveLength(5000)
  })

  it('rejects a missing or unknown sub-command and unknown options as usage errors', async () => {
    await expect(run([], '')).rejects.toBeInstanceOf(UsageError)
    await expect(run(['contrast'], '')).rejects.toBeInstanceOf(UsageError)
    await expect(run(['compare', '--fast'], '')).rejects.toBeInstanceOf(UsageError)
  })
})
