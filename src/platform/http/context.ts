import type { SessionPolicy } from '../../app/identity/session-policy.ts'
import type { Config } from '../config/config.ts'
import type { Store } from '../db/database.ts'

/** What every route reaches through `app.ctx`: built once at start, never changed afterwards. */
export interface AppContext {
  store: Store
  config: Config
  sessionPolicy: SessionPolicy
}

export function sessionPolicyFrom(config: Config): SessionPolicy {
  return {
    idleMs: config.sessionIdleMs,
    absoluteMs: config.sessionAbsoluteMs,
    maxFailures: config.signInMaxFailures,
    lockMs: config.signInLockMs,
  }
}
