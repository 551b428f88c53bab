import { verifyAuditChain } from '../../platform/audit/audit-log.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { openMigratedStore } from '../../platform/runtime.ts'
import { type Command, UsageError } from '../command.ts'

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Verify the tamper-evident audit log (audit verify)',
  usage:
    'passage audit verify\n\nExit status 0 when the hash chain is intact, 1 when an entry was edited or removed.',
  async run([sub], io) {
    if (sub !== 'verify')
      throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required')
    const store = await openMigratedStore(loadConfig())
    try {
      const report = await verifyAuditChain(store.db)
      if (report.ok) {
        io.stdout.write(`Audit log intact: ${report.entries} entries verified.\n`)
        return 0
      }
      const why =
        report.reason === 'hash_mismatch'
          ? 'its content was changed'
          : 'the entry before it was changed or removed'
      io.stdout.write(`Audit log BROKEN at entry ${report.brokenAt}: ${why}.\n`)
      return 1
    } finally {
      await store.close()
    }
  },
}
