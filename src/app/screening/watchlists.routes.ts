import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { exportWatchlist } from './export-watchlist.ts'
import { listWatchlists, readEntries } from './list-entries.ts'
import { addEntry, removeEntry, updateEntry } from './manage-entries.ts'
import { createWatchlist, updateWatchlist } from './manage-watchlists.ts'
import {
  CreateListBody,
  DocumentEntryBody,
  EntriesQuery,
  EntriesView,
  EntryChangeView,
  ListParams,
  ListView,
  PersonEntryBody,
  RemoveEntryBody,
  UpdateListBody,
} from './screening.schemas.ts'
import type { DocumentEntryRow, PersonEntryRow } from './screening.tables.ts'
import type { ScreeningIndex } from './screening-index.ts'
import { presentDocument, presentList, presentPerson } from './watchlist.presenter.ts'

export async function watchlistsRoutes(app: FastifyInstance, ctx: AppContext, index: ScreeningIndex) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['watchlists']
  // A change committed here is in this process's index before the response; other processes catch up at
  // their next screening through the version check.
  const refreshed = async <T>(result: T) => {
    await index.refresh(db)
    return result
  }

  r.get('/api/watchlists', { schema: { tags, response: { 200: z.array(ListView) } } }, async (req) =>
    (await listWatchlists(db, actorOf(req), todayInCambodia())).map((x) => presentList(x.list, x.overdue)),
  )

  r.post(
    '/api/watchlists',
    { schema: { tags, body: CreateListBody, response: { 201: ListView, 200: ListView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'watchlists.create', async (trx, actor) => {
        const { reason, ...list } = req.body
        return presentList(await createWatchlist({ trx, actor, list, reason }))
      }),
  )

  r.patch(
    '/api/watchlists/:id',
    { schema: { tags, params: ListParams, body: UpdateListBody, response: { 200: ListView } } },
    async (req) => {
      const { reason, ...changes } = req.body
      const row = await db
        .transaction()
        .execute((trx) =>
          updateWatchlist({ trx, actor: actorOf(req), listId: req.params.id, changes, reason }),
        )
      return refreshed(presentList(row))
    },
  )

  r.get(
    '/api/watchlists/:id/export.csv',
    { schema: { tags, params: ListParams, produces: ['text/csv'] } },
    async (req, reply) => {
      const { list, lines } = await exportWatchlist({ db, actor: actorOf(req), listId: req.params.id })
      const name = list.name.replace(/[^\w.-]+/g, '-')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-v${list.version}.csv"`)
        .send(Readable.from(lines))
    },
  )

  for (const kind of ['persons', 'documents'] as const) {
    const entryKind = kind === 'persons' ? ('person' as const) : ('document' as const)
    const Body = kind === 'persons' ? PersonEntryBody : DocumentEntryBody
    const EntryParams = ListParams.extend({ entryId: z.uuid() })

    r.get(
      `/api/watchlists/:id/${kind}`,
      { schema: { tags, params: ListParams, querystring: EntriesQuery, response: { 200: EntriesView } } },
      async (req) => {
        const today = todayInCambodia()
        const actor = actorOf(req)
        const { rows, total } = await db
          .transaction()
          .execute((trx) => readEntries({ trx, actor, kind, listId: req.params.id, query: req.query, today }))
        const items = rows.map((e) =>
          kind === 'persons'
            ? presentPerson(e as PersonEntryRow, today)
            : presentDocument(e as DocumentEntryRow, today),
        )
        return { items, total }
      },
    )

    r.post(
      `/api/watchlists/:id/${kind}`,
      {
        schema: {
          tags,
          params: ListParams,
          body: Body,
          response: { 201: EntryChangeView, 200: EntryChangeView },
        },
      },
      async (req, reply) => {
        const sent = await replyCreated(req, reply, db, `watchlists.${kind}.create`, (trx, actor) =>
          addEntry({
            trx,
            actor,
            listId: req.params.id,
            reason: req.body.reason,
            kind: entryKind,
            entry: req.body.entry,
          } as never),
        )
        await index.refresh(db)
        return sent
      },
    )

    r.patch(
      `/api/watchlists/:id/${kind}/:entryId`,
      { schema: { tags, params: EntryParams, body: Body, response: { 200: EntryChangeView } } },
      async (req) => {
        const p = req.params
        const result = await db.transaction().execute((trx) =>
          updateEntry({
            trx,
            actor: actorOf(req),
            listId: p.id,
            entryId: p.entryId,
            reason: req.body.reason,
            kind: entryKind,
            entry: req.body.entry,
          } as never),
        )
        return refreshed(result)
      },
    )

    r.post(
      `/api/watchlists/:id/${kind}/:entryId/remove`,
      { schema: { tags, params: EntryParams, body: RemoveEntryBody, response: { 200: EntryChangeView } } },
      async (req) => {
        const p = req.params
        const result = await db.transaction().execute((trx) =>
          removeEntry({
            trx,
            actor: actorOf(req),
            listId: p.id,
            entryId: p.entryId,
            kind: entryKind,
            reason: req.body.reason,
          }),
        )
        return refreshed(result)
      },
    )
  }
}
