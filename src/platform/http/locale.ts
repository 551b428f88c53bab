import type { FastifyRequest } from 'fastify'
import { isLocale, type Locale } from '../i18n/catalog.ts'

/** The signed-in user's choice wins; before sign-in the browser's Accept-Language decides. */
export function requestLocale(req: FastifyRequest): Locale {
  const userLocale = req.actor?.locale
  if (isLocale(userLocale)) return userLocale
  const header = req.headers['accept-language']
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.trim().split(';')[0]!.toLowerCase()
      if (tag.startsWith('km')) return 'km'
      if (tag.startsWith('en')) return 'en'
    }
  }
  return 'en'
}
