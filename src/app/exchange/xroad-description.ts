import { PUBLISHED_SERVICES } from '../../domain/exchange/xroad-ids.ts'

type Json = Record<string, unknown>
type Doc = Json & { paths: Record<string, Record<string, Json>>; components?: Json }

const METHODS = ['get', 'put', 'post', 'patch', 'delete']

/**
 * The security server's service description (PR-REST §5.1 asks for OpenAPI 3): the operations Passage publishes,
 * cut from Passage's own OpenAPI document — the same schemas, never a copy — at the paths X-Road clients call
 * (`/r1/{provider}/{service}/...`), authenticated by the `X-Road-Client` header instead of a session.
 */
export function xroadServiceDescription(full: Doc, provider: string): Doc {
  const paths: Doc['paths'] = {}
  for (const [path, item] of Object.entries(full.paths)) {
    const service = PUBLISHED_SERVICES.find((s) => path === s.prefix || path.startsWith(`${s.prefix}/`))
    if (!service) continue
    const ops = Object.entries(item).filter(
      ([m]) => METHODS.includes(m) && service.methods.includes(m.toUpperCase()),
    )
    if (!ops.length) continue
    const at = `/r1/${provider}/${service.code}${path.slice(service.prefix.length)}`
    paths[at] = Object.fromEntries(
      ops.map(([m, op]) => [m, { ...op, tags: ['x-road'], security: [{ xroadClient: [] }] }]),
    )
  }
  const components = full.components ?? {}
  return {
    ...full,
    info: {
      ...(full.info as Json),
      title: 'Passage exchange services on X-Road',
      description:
        'The exchange operations published through an X-Road (CamDX) security server, REST protocol r1. ' +
        'Errors carry `type`, `message`, `detail` (the X-Road-Id) besides Passage’s `error`.',
    },
    tags: [{ name: 'x-road', description: 'Exchange services published on X-Road' }],
    security: [{ xroadClient: [] }],
    paths,
    components: {
      ...components,
      securitySchemes: {
        xroadClient: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Road-Client',
          description:
            'The calling subsystem, INSTANCE/CLASS/MEMBER[/SUBSYSTEM], set by the client and authenticated by ' +
            'the security servers; Passage lets it act as the role its administrators gave it.',
        },
      },
    },
  }
}
