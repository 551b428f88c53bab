// The entry of the seed's generator thread. Workers do not inherit the TypeScript loader of the thread that starts
// them (and under Vitest there is none), so this plain module registers tsx, then runs the generator.
import { register } from 'tsx/esm/api'

register()
await import('./seed-traffic-worker.ts')
