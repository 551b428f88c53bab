import { type CompiledRuleSet, compileRuleSet, type RuleSet } from '../../domain/risk/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'

/**
 * Compiled rule sets by version row id. A version that has been reviewed never changes again, so its compiled
 * form can be kept for the life of the process; only drafts change, and they are never evaluated through here.
 */
const compiled = new Map<string, CompiledRuleSet>()
const MAX_CACHED = 8

/** The compiled form of a non-draft version, compiling it on first use. */
export async function compiledVersion(db: Executor, id: string): Promise<CompiledRuleSet> {
  const hit = compiled.get(id)
  if (hit) return hit
  const row = await db
    .selectFrom('risk_rule_sets')
    .select(['rule_set', 'status'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  const c = compileRuleSet(row.rule_set as RuleSet)
  if (row.status === 'draft') return c
  if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!)
  compiled.set(id, c)
  return c
}

/**
 * The active version. Several API processes may share one PostgreSQL, so the active id is read on every call
 * (one indexed row; the unique partial index makes it the only one): an activation by another process is seen by
 * the next evaluation here, and the rule JSON is fetched and compiled only when the id changes.
 */
export async function activeVersion(db: Executor): Promise<{ id: string; ruleSet: CompiledRuleSet }> {
  const row = await db
    .selectFrom('risk_rule_sets')
    .select('id')
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!row) throw new AppError('conflict', { reason: 'no_active_rule_set' })
  return { id: row.id, ruleSet: await compiledVersion(db, row.id) }
}
