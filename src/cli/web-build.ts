import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { webDist } from '../platform/http/web-app.ts'

const webRoot = join(webDist, '..')

function newestMtime(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))))
}

/** Builds the web app when it was never built or its sources changed since, so `passage start` needs no build step. */
export async function ensureWebBuilt(out: Writable): Promise<void> {
  const index = join(webDist, 'index.html')
  const sources = [join(webRoot, 'src'), join(webRoot, 'index.html'), join(webRoot, 'vite.config.ts')].filter(
    existsSync,
  )
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return
  out.write('Building the web app (first start or changed sources) …\n')
  const { build } = await import('vite')
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' })
}
