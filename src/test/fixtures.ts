import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A test data file the repository carries itself (`src/test/fixtures/`, sources and licences in its README), so a
 * clone alone passes its tests.
 */
export const fixtureFile = (name: string) =>
  resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures', name)
