import { can } from '../../domain/identity/policy.ts'
import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { agencyKind } from './plans.repository.ts'

/**
 * Who does what with a plan, beyond the policy table's role grants (no new role: issue 14). The NCCT is the
 * agency of kind `counter_trafficking`; its analysts are the plan's planners, and those of national scope its
 * secretariat, who approve agencies' values. The policy grants `analyst` the actions; these checks add the agency.
 */
async function isNcct(db: Executor, actor: RequestActor): Promise<boolean> {
  return (await agencyKind(db, actor.agencyCode)) === 'counter_trafficking'
}

/** Administrators, and NCCT planners, edit a plan's structure, targets and thresholds. */
export async function assertPlanner(db: Executor, actor: RequestActor): Promise<void> {
  authorize(actor, 'update', 'plan')
  if (actor.role === 'administrator') return
  if (!(await isNcct(db, actor))) throw new AppError('forbidden', { action: 'update', resource: 'plan' })
}

/** Whether the actor may edit plans: what the structure editor shows or hides. */
export async function mayPlan(db: Executor, actor: RequestActor): Promise<boolean> {
  if (!can(actor, 'update', 'plan')) return false
  return actor.role === 'administrator' || isNcct(db, actor)
}

/** The secretariat: an NCCT analyst of national scope (an IOM or ministry analyst may not approve). */
export async function assertSecretariat(db: Executor, actor: RequestActor): Promise<void> {
  authorize(actor, 'approve', 'plan_report')
  if (actor.scope !== 'national' || !(await isNcct(db, actor)))
    throw new AppError('forbidden', { action: 'approve', resource: 'plan_report' })
}

/**
 * A value is reported by the senior role of the agency responsible for the indicator's activity or one
 * supporting it, for that agency only; NCCT planners report for the NCCT.
 */
export async function assertReporter(
  db: Executor,
  actor: RequestActor,
  indicator: { responsible_agency: string | null; supporting_agencies: string[] },
): Promise<void> {
  authorize(actor, 'create', 'plan_report')
  const agencies = [indicator.responsible_agency, ...indicator.supporting_agencies]
  if (agencies.includes(actor.agencyCode)) return
  if (await isNcct(db, actor)) return
  throw new AppError('forbidden', { action: 'create', resource: 'plan_report' })
}
