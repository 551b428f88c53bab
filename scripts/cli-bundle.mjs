// Prebuilt bundles of the commands that stream large inputs (`passage mrz`): one plain JavaScript file, run by
// node without tsx. Starting through tsx (its loader thread, then compiling each source file on import) cost
// about 0.4 s of a 6 s run over 500,000 documents. The bundle is built on demand, the first time the command
// runs, into the git-ignored `.cache/cli/`, and used only while every source file it was built from is
// byte-for-byte what it was: the manifest keeps a SHA-256 of each file as esbuild read it, and every run hashes
// the files again (a few milliseconds). A source edit therefore means a rebuild, never stale code; anything
// wrong with the cache or the build falls back to tsx. Why not an npm `prepare` script: it does not run after
// a `git pull` or an edit, nor under `npm ci --ignore-scripts`, so it could not promise fresh code.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, extname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)

/**
 * The commands run from a bundle, each with its entry points: `main` exports `main(argv)`; the others are built
 * beside it (a worker's script), and the code finds them through `PASSAGE_BUNDLE_DIR`.
 */
export const BUNDLED = {
  mrz: { main: 'src/cli/commands/mrz-main.ts', worker: 'src/cli/commands/mrz-worker.ts' },
}

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.json': 'json' }
/** A build older than this that is no longer current is removed (a run that chose it has long imported it). */
const STALE_AFTER_MS = 60_000

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex')
}

function cacheDir(root) {
  return join(root, '.cache', 'cli')
}

function readManifest(name, root) {
  try {
    return JSON.parse(readFileSync(join(cacheDir(root), `${name}.json`), 'utf8'))
  } catch {
    return undefined
  }
}

/** The bundle's URL if it was built from the sources exactly as they are now, else undefined. */
export function freshBundle(name, root = ROOT) {
  const manifest = readManifest(name, root)
  // A change to this file (the build's options) is a change too; so is a moved repository (the bundle names its
  // sources and its own directory by absolute path).
  if (!manifest || manifest.self !== sha256(readFileSync(SELF)) || manifest.root !== root) return undefined
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    try {
      if (sha256(readFileSync(join(root, file))) !== hash) return undefined
    } catch {
      return undefined
    }
  }
  return pathToFileURL(join(cacheDir(root), manifest.dir, 'main.js')).href
}

/**
 * Builds the bundle of one command and makes it current. Each build has its own directory and the manifest is
 * replaced by a rename, so two processes building at once never see half a bundle.
 */
export async function buildBundle(name, root = ROOT) {
  const esbuild = await import('esbuild')
  const inputs = {}
  const dir = `${name}-${process.pid}-${Date.now()}`
  const out = join(cacheDir(root), dir)
  await esbuild.build({
    entryPoints: Object.fromEntries(
      Object.entries(BUNDLED[name]).map(([key, file]) => [key, join(root, file)]),
    ),
    bundle: true,
    // Code shared by the entries is one chunk, loaded once by each thread.
    splitting: true,
    define: { PASSAGE_BUNDLE_DIR: JSON.stringify(`${pathToFileURL(out).href}/`) },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages stay imports, resolved from the repository's node_modules as they are at run time.
    packages: 'external',
    outdir: out,
    logLevel: 'silent',
    plugins: [
      {
        name: 'passage-sources',
        setup(build) {
          build.onLoad({ filter: /.*/ }, (args) => {
            const loader = LOADERS[extname(args.path)]
            if (!loader) throw new Error(`cannot bundle ${args.path}`)
            const bytes = readFileSync(args.path)
            inputs[relative(root, args.path).split(sep).join('/')] = sha256(bytes)
            // Each module keeps its own location: paths made from `import.meta.url` (the locale catalogue)
            // still point into the sources, not into `.cache/`.
            const contents = bytes
              .toString('utf8')
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
            return { contents, loader }
          })
        },
      },
    ],
  })
  const manifest = join(cacheDir(root), `${name}.json`)
  const next = `${manifest}.${process.pid}`
  writeFileSync(next, JSON.stringify({ self: sha256(readFileSync(SELF)), root, dir, inputs }))
  renameSync(next, manifest)
  removeOldBuilds(name, dir, root)
  return pathToFileURL(join(out, 'main.js')).href
}

function removeOldBuilds(name, current, root) {
  const now = Date.now()
  for (const entry of readdirSync(cacheDir(root))) {
    if (entry === current || !entry.startsWith(`${name}-`)) continue
    const path = join(cacheDir(root), entry)
    try {
      if (now - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true })
    } catch {
      // Another process removed it first.
    }
  }
}

/** The `main(argv)` of a bundled command, built if needed; undefined when it cannot be (then run through tsx). */
export async function bundledMain(name, root = ROOT) {
  if (!Object.hasOwn(BUNDLED, name) || process.env.PASSAGE_CLI_BUNDLE === '0') return undefined
  try {
    mkdirSync(cacheDir(root), { recursive: true })
    const url = freshBundle(name, root) ?? (await buildBundle(name, root))
    return (await import(url)).main
  } catch {
    return undefined
  }
}
