import type { Readable, Writable } from 'node:stream'

export interface CliIO {
  stdin: Readable
  stdout: Writable
  stderr: Writable
}

/** One `passage <name>` sub-command. `run` returns the process exit status (0 ok, 2 usage error). */
export interface Command {
  name: string
  summary: string
  usage: string
  run(argv: string[], io: CliIO): Promise<number>
}

export class UsageError extends Error {}

/** Writes a line and waits for the stream to drain, so piping a million lines stays in constant memory. */
export async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', resolve))
}
