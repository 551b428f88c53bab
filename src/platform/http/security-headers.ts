import fastifyHelmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/**
 * The Content-Security-Policy of every answer — the web app, the API, the docs and errors alike. Scripts
 * only from this server (the Vite bundle, the Swagger UI files; no inline script, no eval); styles may be
 * inline because React and ECharts set style attributes; fonts are bundled (small ones inlined as data:);
 * photos are shown from blob: URLs; the live board's Server-Sent Events and every fetch go to this origin.
 * Nobody may frame Passage (clickjacking), and no form posts elsewhere.
 */
export function contentSecurityPolicy(upgradeInsecure: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'worker-src': ["'self'", 'blob:'],
    // Only behind HTTPS: on plain HTTP (a laptop, the tests) it would send the browser to a port that is not there.
    'upgrade-insecure-requests': upgradeInsecure ? [] : null,
  }
}

/**
 * Security headers with `@fastify/helmet` (a maintained plugin, so new browser headers and their quirks
 * are not ours to track). HSTS only when cookies are marked Secure, i.e. when Passage is served over HTTPS:
 * sent over plain HTTP it would lock browsers out of a server that has no certificate.
 */
export async function registerSecurityHeaders(app: FastifyInstance, https: boolean): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The API answers only this origin; other sites may not embed its responses either.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  })
}
