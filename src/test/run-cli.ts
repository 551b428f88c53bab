import { PassThrough } from 'node:stream'
import { main } from '../cli/main.ts'

/** Runs the `passage` command in this process, as the shell would, and collects its output and exit code. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (c) => (out += c))
  stderr.on('data', (c) => (err += c))
  const code = await main(argv, { stdin: new PassThrough(), stdout, stderr })
  return { code, out, err }
}
