import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalogs } from './catalog.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f)
    return statSync(path).isDirectory()
      ? files(path)
      : /\.tsx?$/.test(f) && !f.endsWith('.test.ts')
        ? [path]
        : []
  })
}

/** Every literal key passed to `t('…')` in the web app, and every `label:` key of the navigation. */
function literalKeys(): { key: string; file: string }[] {
  return files(join(root, 'web', 'src')).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    const calls = [
      ...text.matchAll(/\bt\(\s*'([\w.-]+)'/g),
      ...text.matchAll(/\blabel: '([\w.-]+\.[\w.-]+)'/g),
    ]
    return calls.map((m) => ({ key: m[1]!, file: file.slice(root.length + 1) }))
  })
}

describe('message keys used by the web app', () => {
  it('all exist in both languages', () => {
    const { en, km } = catalogs()
    const used = literalKeys()
    // The scan itself must find the app's keys, or this test would pass on nothing.
    expect(used.length).toBeGreaterThan(300)
    const missing = used.filter(({ key }) => !(key in en) || !(key in km))
    expect(missing).toEqual([])
  })
})
