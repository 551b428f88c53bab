import { spawn } from 'node:child_process'
import { openSync } from 'node:fs'

export interface CliRun {
  wallSeconds: number
  /** User + system CPU of the whole child process (bash's `times`). */
  cpuSeconds: number
  lines: number
}

/**
 * Runs `node <script> <args>` with `input` on stdin, as a shell pipeline would, counting the lines it writes.
 * The whole process is measured: start-up, reading, parsing, writing.
 */
export function runNodeCli(script: string, args: string[], input: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn('bash', ['-c', 'node "$@"; times >&2', 'bash', script, ...args], {
      stdio: [openSync(input, 'r'), 'pipe', 'pipe'],
    })
    let lines = 0
    let err = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000
      // `times` prints the shell's times, then its children's: "0m4.094s 0m0.641s".
      const children = err
        .trim()
        .split('\n')
        .at(-1)
        ?.match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/)
      if (code !== 0 || !children)
        return reject(new Error(`${script} failed (${code}): ${err.slice(0, 500)}`))
      const [, um, us, sm, ss] = children.map(Number) as number[]
      resolve({ wallSeconds, cpuSeconds: um! * 60 + us! + sm! * 60 + ss!, lines })
    })
  })
}
