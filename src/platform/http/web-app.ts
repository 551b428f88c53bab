import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/codes.ts'
import { sendError } from './error-handler.ts'

export const webDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist')

/**
 * Serves the built React app at `/`. Unknown non-API paths get index.html so the client router can
 * take them; unknown API paths get a JSON error.
 */
export async function registerWebApp(app: FastifyInstance, dir = webDist): Promise<void> {
  const hasWeb = existsSync(join(dir, 'index.html'))
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      setHeaders: (res, path) => {
        // Vite fingerprints asset names, so they may be cached forever; index.html must always be fresh.
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
  }
  app.setNotFoundHandler((req, reply) => {
    if (!hasWeb || req.url.startsWith('/api/') || req.method !== 'GET') {
      return sendError(req, reply, new AppError('route_not_found'))
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
}
