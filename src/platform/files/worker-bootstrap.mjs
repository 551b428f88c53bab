// The entry of a parsing worker. Workers do not inherit the TypeScript loader of the thread that starts them
// (and under Vitest there is none), so this plain module registers tsx, then runs the TypeScript host.
import { register } from 'tsx/esm/api'

register()
const { serve } = await import('./worker-host.ts')
serve()
