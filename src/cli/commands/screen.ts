import { parseArgs } from 'node:util'
import type { HitDetailRow } from '../../app/screening/hits.repository.ts'
import { screenTraveller } from '../../app/screening/screen-traveller.ts'
import { ScreeningIndex } from '../../app/screening/screening-index.ts'
import { findListByName } from '../../app/screening/watchlists.repository.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { translate } from '../../platform/i18n/catalog.ts'
import { openMigratedStore } from '../../platform/runtime.ts'
import { type CliIO, type Command, UsageError, writeLine } from '../command.ts'

const usage = `passage screen [--list NAME] "NAME" [--birth-date YYYY[-MM[-DD]]] [--nationality CODE] [--sex M|F]
                 [--document STATE:NUMBER] [--agency CODE]

Screens one person against the alert lists (or one list) and prints each hit with its score, decision and an
explanation of which parts of the name matched how. The check is recorded and audited like one made at a post.`

interface Explained {
  parts?: { messageKey: string; params: Record<string, unknown> }[]
  unmatched?: { messageKey: string; params: Record<string, unknown> }[]
  qualifiers?: { messageKey: string; params: Record<string, unknown> }[]
  notes?: { messageKey: string }[]
  messageKey?: string
  params?: Record<string, unknown>
  matchedName?: string
  listedNumber?: string
}

async function printHit(io: CliIO, h: HitDetailRow) {
  const e = h.explanation as Explained
  const what =
    h.kind === 'name' ? (e.matchedName ?? '') : `${h.document_state ?? ''} ${e.listedNumber ?? ''}`.trim()
  const decision = translate('en', `screening.decision.${h.decision === 'no-match' ? 'noMatch' : h.decision}`)
  await writeLine(
    io.stdout,
    `${Number(h.score).toFixed(2)}  ${decision}  ${what}  [${h.list_name}, ${h.owner_agency}]`,
  )
  const lines: { messageKey: string; params?: Record<string, unknown> }[] = [
    ...(e.parts ?? []),
    ...(e.unmatched ?? []),
    ...(e.qualifiers ?? []),
    ...(e.notes ?? []),
  ]
  if (e.messageKey) lines.push({ messageKey: e.messageKey, params: e.params })
  for (const l of lines) await writeLine(io.stdout, `      - ${translate('en', l.messageKey, l.params)}`)
}

export const screenCommand: Command = {
  name: 'screen',
  summary: 'Screen a name (and document) against the alert lists, with explained hits',
  usage,
  async run(argv, io) {
    const { values: v, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        list: { type: 'string' },
        'birth-date': { type: 'string' },
        nationality: { type: 'string' },
        sex: { type: 'string' },
        document: { type: 'string' },
        agency: { type: 'string' },
      },
    })
    const name = positionals.join(' ').trim()
    if (!name) throw new UsageError('a NAME is required')
    const [issuingState, number] = v.document?.split(':') ?? []
    if (v.document && !number) throw new UsageError('--document is STATE:NUMBER, for example KHM:N01234567')
    const store = await openMigratedStore(loadConfig())
    try {
      const list = v.list ? await findListByName(store.db, v.list) : undefined
      if (v.list && !list) throw new Error(`there is no list named "${v.list}"`)
      const index = new ScreeningIndex()
      await index.refresh(store.db)
      const result = await store.db.transaction().execute((trx) =>
        screenTraveller({
          trx,
          actor: null,
          index,
          agencyCode: v.agency,
          listId: list?.id,
          person: { name, birthDate: v['birth-date'], nationality: v.nationality, sex: v.sex },
          document: issuingState && number ? { issuingState, number } : undefined,
        }),
      )
      if (result.hits.length === 0) await writeLine(io.stdout, `No hits for "${name}".`)
      for (const h of result.hits) await printHit(io, h)
      if (result.suppressed > 0)
        await writeLine(
          io.stdout,
          `${result.suppressed} hit(s) earlier dismissed as false positives for this traveller.`,
        )
      return 0
    } finally {
      await store.close()
    }
  },
}
