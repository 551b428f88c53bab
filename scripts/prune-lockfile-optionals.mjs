#!/usr/bin/env node
// The package registry these machines reach carries only the Linux builds of some native tools (Biome's
// @biomejs/cli-* for macOS, Windows and Android are absent), so npm leaves those optional packages out of
// package-lock.json — and then `npm ci` refuses the lockfile as "out of sync". An optional dependency that
// has no entry in the lockfile cannot be installed anyway; this drops such references so `npm ci` works.
// It changes nothing when every optional dependency is present.
import { readFileSync, writeFileSync } from 'node:fs'

const file = 'package-lock.json'
const lock = JSON.parse(readFileSync(file, 'utf8'))
const present = new Set(Object.keys(lock.packages).map((k) => k.split('node_modules/').pop()))
const pruned = []
for (const [path, pkg] of Object.entries(lock.packages)) {
  if (!pkg.optionalDependencies) continue
  for (const name of Object.keys(pkg.optionalDependencies)) {
    if (!present.has(name)) {
      delete pkg.optionalDependencies[name]
      pruned.push(`${path || '(root)'} → ${name}`)
    }
  }
}
if (pruned.length) {
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
  console.log(
    `Pruned ${pruned.length} unavailable optional dependencies from ${file}:\n  ${pruned.join('\n  ')}`,
  )
}
