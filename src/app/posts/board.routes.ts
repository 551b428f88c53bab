import type { ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { BoardHub } from './board-hub.ts'
import { authorizeBoard, loadBoard } from './post-board.ts'
import { BoardView, PostParams } from './posts.schemas.ts'

// The session is checked once per connection, so a stream ends after a while and the browser reconnects with its
// cookie: a signed-out or expired session stops receiving within this time.
const STREAM_LIFETIME_MS = 5 * 60_000
// Proxies close connections that stay silent; a comment line every so often keeps the stream open.
const HEARTBEAT_MS = 20_000
const RECONNECT_MS = 3_000

/** A post's live board: a snapshot, and a Server-Sent Events stream that pushes a new one when counts change. */
export async function boardRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  // Counts come from the read replica when there is one (a board a second behind is still live); who may watch
  // which post is checked on the primary.
  const { db } = ctx.store
  const read = ctx.store.read ?? db
  const tags = ['posts']
  const hub = new BoardHub((post) => loadBoard(read, post), {
    onError: (err) => app.log.error({ err }, 'post board poll failed'),
  })
  const streams = new Set<ServerResponse>()
  // Open streams would keep the server from closing; end them first, then stop the pollers.
  app.addHook('preClose', async () => {
    for (const s of streams) s.end()
    hub.close()
  })

  r.get(
    '/api/posts/:code/board',
    { schema: { tags, params: PostParams, response: { 200: BoardView } } },
    async (req) => {
      await authorizeBoard({ db, actor: actorOf(req), postCode: req.params.code })
      return loadBoard(read, req.params.code)
    },
  )

  r.get(
    '/api/posts/:code/board/stream',
    { schema: { tags, params: PostParams, produces: ['text/event-stream'] } },
    async (req, reply) => {
      await authorizeBoard({ db, actor: actorOf(req), postCode: req.params.code })
      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      res.write(`retry: ${RECONNECT_MS}\n\n`)
      streams.add(res)
      const send = (text: string) => {
        if (!res.writableEnded) res.write(text)
      }
      const unsubscribe = hub.subscribe(req.params.code, (s) => {
        send(`event: board\ndata: ${JSON.stringify(BoardView.parse(s))}\n\n`)
      })
      const heartbeat = setInterval(() => send(': alive\n\n'), HEARTBEAT_MS)
      const lifetime = setTimeout(() => res.end(), STREAM_LIFETIME_MS)
      res.on('close', () => {
        unsubscribe()
        clearInterval(heartbeat)
        clearTimeout(lifetime)
        streams.delete(res)
      })
    },
  )
}
