import { parseArgs } from 'node:util'
import { InitRefused, initPost } from '../../app/offline/init-post.ts'
import { type NodeLinks, readNodeLinks } from '../../app/offline/link-facts.ts'
import { DEFAULT_THRESHOLDS, evaluateLink, type LinkProblem } from '../../domain/offline/link-status.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { openMigratedStore } from '../../platform/runtime.ts'
import { type CliIO, type Command, UsageError } from '../command.ts'

const usage = `passage post init --post-code CODE --national URL [--post URL]
                   [--national-from-post URL] [--post-from-national URL]
passage post status [--json]

init    sets a post server up against the national server through PostgreSQL logical replication: publications on
        both, the post's subscription to the centre (reference data, users, alert lists, other posts' history) and
        the centre's subscription to the post (its crossings, registrations, referrals, audit partition).
        --post defaults to DATABASE_URL. --national-from-post / --post-from-national: how each server reaches the
        other through the VPN, when not by the URLs given. With PASSAGE_REPLICATION_PASSWORD set, a replication
        role is created on both servers and the subscriptions log in with it.
status  on a post: the link to the centre; on the national server: every post. Lag, last contact, queued
        changes, age of the copy of the other side's data, and any state needing an operator (subscription
        disabled or missing, replication slot lost, clocks apart). Exit status 1 when a link needs attention.`

const PROBLEM_TEXT: Record<LinkProblem['code'], (p: LinkProblem) => string> = {
  subscription_missing: () => 'subscription missing (dropped by hand?): run `passage post init` again',
  subscription_disabled: () => 'subscription DISABLED: `ALTER SUBSCRIPTION … ENABLE` once the cause is fixed',
  apply_failing: (p) =>
    `${(p as { applyErrors: number }).applyErrors} apply errors counted and nothing applied lately: a lost link or a conflict (the server log names it); see docs/offline-post.md "A conflict"`,
  link_down: (p) => `link down since ${fmt((p as { since: Date | null }).since)}`,
  slot_missing: () => 'replication slot missing: the other side cannot read changes from here',
  slot_lost: () =>
    'replication slot LOST (past max_slot_wal_keep_size): the other side must be copied again; see docs/offline-post.md',
  slot_unreserved: () =>
    'replication slot about to be lost: WAL past max_slot_wal_keep_size is being removed',
  clock_skew: (p) =>
    `clocks ${(p as { seconds: number }).seconds} s apart (publisher send time vs receipt time)`,
  data_stale: (p) => `copy of the other side's data is old: as of ${fmt((p as { asOf: Date | null }).asOf)}`,
  restored_from_backup: (p) => {
    const { walAt, peerHas } = p as { walAt: string; peerHas: string }
    return `RESTORED FROM AN OLDER BACKUP? this server's WAL is at ${walAt} but the other side already received up to ${peerHas}: what is written here until then would be skipped there. Stop Passage here; see docs/offline-post.md "A post restored from an old backup"`
  },
  peer_replaced: (p) => {
    const { expected, found } = p as { expected: string; found: string }
    return `OTHER SIDE REPLACED: its cluster is ${found}, not ${expected} as set up; see docs/offline-post.md "A replaced national server"`
  },
}

function fmt(d: Date | null): string {
  return d ? d.toISOString() : 'never'
}

/** One block per link, plain lines an operator can read aloud on the phone. */
export function describeLinks(n: NodeLinks): { text: string; healthy: boolean } {
  if (n.role === 'standalone') return { text: 'Standalone server: no post links configured.', healthy: true }
  const lines = [n.role === 'post' ? `Post server ${n.postCode}` : 'National server']
  let healthy = true
  if (n.links.length === 0) lines.push('  no post has replicated to this server yet')
  for (const link of n.links) {
    const s = evaluateLink(link.facts, n.now, DEFAULT_THRESHOLDS)
    const sub = link.facts.subscription
    lines.push(`  ${link.peer}: ${s.up ? 'link up' : 'LINK DOWN'}`)
    lines.push(`    last contact: ${fmt(s.lastContactAt)}`)
    lines.push(
      `    lag: ${sub?.lastSendAt && sub.lastReceiptAt ? `${sub.lastReceiptAt.getTime() - sub.lastSendAt.getTime()} ms` : 'unknown'}`,
    )
    lines.push(`    queued changes for ${link.peer}: ${s.pendingBytes} bytes of WAL`)
    lines.push(`    ${n.role === 'post' ? 'alert lists and rules' : 'post data'} as of: ${fmt(s.dataAsOf)}`)
    for (const p of s.problems) lines.push(`    ! ${PROBLEM_TEXT[p.code](p)}`)
    if (s.problems.length > 0) healthy = false
  }
  return { text: lines.join('\n'), healthy }
}

async function status(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } })
  const store = await openMigratedStore(loadConfig())
  try {
    const links = await readNodeLinks(store.db)
    const { text, healthy } = describeLinks(links)
    if (values.json) {
      const evaluated = links.links.map((l) => ({ peer: l.peer, ...evaluateLink(l.facts, links.now) }))
      io.stdout.write(`${JSON.stringify({ role: links.role, postCode: links.postCode, links: evaluated })}\n`)
    } else io.stdout.write(`${text}\n`)
    return healthy ? 0 : 1
  } finally {
    await store.close()
  }
}

async function init(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'post-code': { type: 'string' },
      national: { type: 'string' },
      post: { type: 'string' },
      'national-from-post': { type: 'string' },
      'post-from-national': { type: 'string' },
    },
  })
  const postUrl = values.post ?? loadConfig().databaseUrl
  if (!values['post-code'] || !values.national || !postUrl) throw new UsageError(usage)
  try {
    await initPost({
      nationalUrl: values.national,
      postUrl,
      postCode: values['post-code'],
      ...(values['national-from-post'] ? { nationalFromPost: values['national-from-post'] } : {}),
      ...(values['post-from-national'] ? { postFromNational: values['post-from-national'] } : {}),
      ...(process.env.PASSAGE_REPLICATION_PASSWORD
        ? { replicationPassword: process.env.PASSAGE_REPLICATION_PASSWORD }
        : {}),
      log: (line) => io.stdout.write(`${line}\n`),
    })
  } catch (err) {
    if (!(err instanceof InitRefused)) throw err
    io.stderr.write(`passage post init refused: ${err.message}\n`)
    return 1
  }
  io.stdout.write(
    `Post ${values['post-code']} is set up; \`passage post status\` on either server shows the link.\n`,
  )
  return 0
}

export const postCommand: Command = {
  name: 'post',
  summary:
    'Set an offline post server up against the national server (`post init`) and show its link (`post status`)',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === 'init') return init(rest, io)
    if (sub === 'status') return status(rest, io)
    throw new UsageError(usage)
  },
}
