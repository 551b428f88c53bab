import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalogs } from '../i18n/catalog.ts'
import { AppError } from './codes.ts'
import { describeError } from './describe.ts'

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f)
    if (statSync(path).isDirectory()) return sources(path)
    return f.endsWith('.ts') && !f.endsWith('.test.ts') ? [path] : []
  })
}

/** Every literal reason a refusal is thrown with: `new AppError('conflict', { reason: 'already_arrived' }`. */
function thrownReasons(): string[] {
  const found = sources(src).flatMap((file) => [
    ...readFileSync(file, 'utf8').matchAll(
      /AppError\(\s*'(?:conflict|rule_violation)',\s*\{\s*reason: '(\w+)'/g,
    ),
  ])
  return [...new Set(found.map((m) => m[1]!))].sort()
}

describe('refusals worded by their reason', () => {
  it('every reason thrown in the sources has its words in English and Khmer', () => {
    const { en, km } = catalogs()
    const reasons = thrownReasons()
    // The scan must find the refusals, or this test would pass on nothing.
    expect(reasons.length).toBeGreaterThan(15)
    const unworded = reasons.filter((r) => !(`errors.reasons.${r}` in en) || !(`errors.reasons.${r}` in km))
    expect(unworded).toEqual([])
  })

  it('words a refusal by its reason, keeps the code, and falls back to the code for an unknown reason', () => {
    const known = describeError(new AppError('conflict', { reason: 'already_arrived' }), 'km')
    expect(known.code).toBe('conflict')
    expect(known.message).toBe(catalogs().km['errors.reasons.already_arrived'])
    const unknown = describeError(new AppError('conflict', { reason: 'no_such_reason' }), 'en')
    expect(unknown.message).toBe(catalogs().en['errors.conflict'])
    const none = describeError(new AppError('conflict'), 'en')
    expect(none.message).toBe(catalogs().en['errors.conflict'])
  })
})
