import type { Command } from '../command.ts'

/** A sub-command as the dispatcher knows it before loading it. */
export interface CommandEntry {
  name: string
  summary: string
  load(): Promise<Command>
}

/**
 * Every sub-command, loaded only when it runs: `passage mrz` or `passage names` must not pay for loading the
 * database engines, Fastify and the whole application first (3.6 s of a 500,000-document `passage mrz` run
 * went to that). The name and summary are repeated here so `passage --help` loads nothing;
 * `index.test.ts` checks that they match the commands'.
 */
export const commands: CommandEntry[] = [
  {
    name: 'start',
    summary: 'Apply migrations, seed an empty database, and serve the API and web app',
    load: async () => (await import('./start.ts')).startCommand,
  },
  {
    name: 'migrate',
    summary: 'Apply pending database migrations',
    load: async () => (await import('./migrate.ts')).migrateCommand,
  },
  {
    name: 'seed',
    summary: 'Load reference data (and demo users); optionally synthetic crossings',
    load: async () => (await import('./seed.ts')).seedCommand,
  },
  {
    name: 'users',
    summary: 'Add, list, disable users and reset passwords',
    load: async () => (await import('./users.ts')).usersCommand,
  },
  {
    name: 'audit',
    summary: 'Verify the tamper-evident audit log, sign a checkpoint, print the verifier key',
    load: async () => (await import('./audit.ts')).auditCommand,
  },
  {
    name: 'post',
    summary:
      'Set an offline post server up against the national server (`post init`) and show its link (`post status`)',
    load: async () => (await import('./post.ts')).postCommand,
  },
  {
    name: 'mrz',
    summary: 'Read machine-readable zones on stdin, write one JSON line per document',
    load: async () => (await import('./mrz.ts')).mrzCommand,
  },
  {
    name: 'names',
    summary: 'Compare names (any script, Khmer included): `names compare` reads JSON Lines pairs on stdin',
    load: async () => (await import('./names-compare.ts')).namesCompareCommand,
  },
  {
    name: 'watchlist',
    summary: 'Import an alert list (CSV, OpenSanctions FtM, UN Security Council XML) or export it as CSV',
    load: async () => (await import('./watchlist.ts')).watchlistCommand,
  },
  {
    name: 'screen',
    summary: 'Screen a name (and document) against the alert lists, with explained hits',
    load: async () => (await import('./screen.ts')).screenCommand,
  },
]
