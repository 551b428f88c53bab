import type { CliIO } from '../command.ts'
import { dispatch } from '../dispatch.ts'
import { mrzCommand } from './mrz.ts'

/**
 * The entry of the prebuilt `passage mrz` bundle (`scripts/cli-bundle.mjs`): the command imported statically,
 * and nothing of the other commands, so the bundle holds only what `passage mrz` runs.
 */
export function main(argv: string[], io: CliIO = process): Promise<number> {
  return dispatch(argv, io, [
    { name: mrzCommand.name, summary: mrzCommand.summary, load: async () => mrzCommand },
  ])
}
