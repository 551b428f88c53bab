import type { Actor } from '../identity/policy.ts'
import type { AgencyKind } from '../identity/roles.ts'

/**
 * Whose training records a user sees: NCCT and IOM (agency kinds counter_trafficking and international) run
 * and fund capacity building, so their analysts and administrators see everyone's; a post chief sees the staff
 * of the post; anyone else sees their own record only.
 */
export type TrainingReach =
  | { kind: 'all' }
  | { kind: 'post'; postCode: string }
  | { kind: 'self'; userId: string }

export const TRAINING_AGENCY_KINDS: readonly AgencyKind[] = ['counter_trafficking', 'international']

export function trainingReach(actor: Actor, agencyKind: AgencyKind | string): TrainingReach {
  if (actor.role === 'administrator') return { kind: 'all' }
  if (actor.role === 'analyst' && (TRAINING_AGENCY_KINDS as readonly string[]).includes(agencyKind))
    return { kind: 'all' }
  if (actor.role === 'post_chief' && actor.postCode) return { kind: 'post', postCode: actor.postCode }
  return { kind: 'self', userId: actor.id }
}

/** Who may run courses, sessions and exercise sets (compose, enrol, record scores, see results). */
export function maySteerTraining(reach: TrainingReach): boolean {
  return reach.kind !== 'self'
}
