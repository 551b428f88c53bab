import fastifyCookie from '@fastify/cookie'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { auditRoutes } from '../../app/audit/audit.routes.ts'
import { crossingsRoutes } from '../../app/crossings/crossings.routes.ts'
import { identifyRoutes } from '../../app/crossings/identify-traveller.routes.ts'
import { documentsRoutes } from '../../app/documents/documents.routes.ts'
import { exchangeRoutes } from '../../app/exchange/exchange.routes.ts'
import { exchangeWebRoutes } from '../../app/exchange/exchange-web.routes.ts'
import { xroadRoutes } from '../../app/exchange/xroad.routes.ts'
import { registerXroadGateway, xroadRewrite } from '../../app/exchange/xroad-gateway.ts'
import { authRoutes } from '../../app/identity/auth.routes.ts'
import { usersRoutes } from '../../app/identity/users.routes.ts'
import { offlineRoutes } from '../../app/offline/offline.routes.ts'
import { plansRoutes } from '../../app/plans/plans.routes.ts'
import { postsRoutes } from '../../app/posts/posts.routes.ts'
import { protectionRoutes } from '../../app/protection/protection.routes.ts'
import { referenceRoutes } from '../../app/reference/reference.routes.ts'
import { returnsRoutes } from '../../app/returns/returns.routes.ts'
import { riskRoutes } from '../../app/risk/risk.routes.ts'
import { screeningRoutes } from '../../app/screening/screening.routes.ts'
import { exportsRoutes } from '../../app/statistics/exports.routes.ts'
import { statisticsRoutes } from '../../app/statistics/statistics.routes.ts'
import { trainingRoutes } from '../../app/training/training.routes.ts'
import { AppError } from '../errors/codes.ts'
import { setWorkerSlots } from '../files/run-in-worker.ts'
import { registerAuthHooks } from './auth-hooks.ts'
import type { AppContext } from './context.ts'
import { registerErrorHandling, sendError } from './error-handler.ts'
import { registerHealth } from './health.ts'
import { finishOpenApi, publicRouteSecurity } from './openapi.ts'
import { registerSecurityHeaders } from './security-headers.ts'
import { registerWebApp } from './web-app.ts'

declare module 'fastify' {
  interface FastifyInstance {
    apiOperations: string[]
  }
}

export interface BuildOptions {
  ctx: AppContext
  /** Serve the built web app (off in API tests). */
  web?: boolean
  /** Where the built web app lives (tests serve a stand-in page). */
  webDir?: string
  logger?: boolean
}

const areas = [
  authRoutes,
  usersRoutes,
  referenceRoutes,
  auditRoutes,
  protectionRoutes,
  documentsRoutes,
  riskRoutes,
  screeningRoutes,
  crossingsRoutes,
  postsRoutes,
  offlineRoutes,
  identifyRoutes,
  returnsRoutes,
  statisticsRoutes,
  exportsRoutes,
  plansRoutes,
  trainingRoutes,
  exchangeRoutes,
  exchangeWebRoutes,
  xroadRoutes,
]

export async function buildServer(o: BuildOptions): Promise<FastifyInstance> {
  const { ctx } = o
  // Imports parse in worker threads; this many at once per process (IMPORT_WORKERS).
  setWorkerSlots(ctx.config.imports.workers)
  const app = Fastify({
    logger: o.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    // Query strings and route params never carry unknown structure into handlers.
    routerOptions: { maxParamLength: 200 },
    // X-Road's REST calls (`/r1/{serviceId}/...`) are served by the exchange's own routes (xroad-gateway.ts).
    rewriteUrl: xroadRewrite(ctx.config),
  })
  // Every API operation is recorded, so a test can prove the OpenAPI document lists them all.
  const operations: string[] = []
  app.decorate('apiOperations', operations)
  app.addHook('onRoute', (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || hidden) return
    for (const m of [route.method].flat()) if (m !== 'HEAD') operations.push(`${m} ${route.url}`)
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandling(app)

  await app.register(fastifyCookie)
  await registerSecurityHeaders(app, ctx.config.cookieSecure)
  await app.register(fastifyRateLimit, {
    max: ctx.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: () => new AppError('rate_limited'),
  })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Passage API',
        description:
          'Border management and migrant protection. Errors: `{ error: { code, message, details } }`.',
        version: '0.1.0',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: '/', description: 'This Passage server' }],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'passage_session' } },
      },
      security: [{ session: [] }],
    },
    transform: (input) => publicRouteSecurity(jsonSchemaTransform(input), input.route),
    transformObject: (o) => finishOpenApi('openapiObject' in o ? o.openapiObject : o.swaggerObject) as never,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })
  registerXroadGateway(app, ctx)
  registerAuthHooks(app, ctx)

  registerHealth(app, ctx.store.db)
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  )

  for (const area of areas) await area(app, ctx)
  if (o.web) await registerWebApp(app, o.webDir)
  else app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('route_not_found')))
  return app
}
