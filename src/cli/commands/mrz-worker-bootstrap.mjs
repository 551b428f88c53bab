// The entry of a `passage mrz` worker run from the sources: workers do not inherit the TypeScript loader of the
// thread that starts them, so this plain module registers tsx, then runs the worker. The prebuilt bundle
// (scripts/cli-bundle.mjs) starts its own compiled `worker.js` instead.
import { register } from 'tsx/esm/api'

register()
await import('./mrz-worker.ts')
