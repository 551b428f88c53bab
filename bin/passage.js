#!/usr/bin/env node
// `passage mrz` runs from a prebuilt bundle, built on demand and rebuilt after any source edit
// (scripts/cli-bundle.mjs); every other command, or the same one if the bundle cannot be built, runs the
// TypeScript sources directly through tsx, so `npx passage` works right after `npm ci`.
import { bundledMain } from '../scripts/cli-bundle.mjs'

const argv = process.argv.slice(2)
let main = await bundledMain(argv[0])
if (!main) {
  const { register } = await import('tsx/esm/api')
  register()
  main = (await import('../src/cli/main.ts')).main
}
process.exitCode = await main(argv)
