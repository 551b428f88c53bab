import { fail, ok, PROTECTION_ERRORS, type Result } from './errors.ts'

/** CTDC releases its global dataset k-anonymised with k = 11 [research note §2, ref 34]. */
export const DEFAULT_K = 11

/**
 * The lowest floor an administrator may set. Below 5 a class is a handful of people whom one extra fact (a
 * village, a date) singles out; the floor itself defaults to DEFAULT_K.
 */
export const HARD_MINIMUM_K = 5
export const MAXIMUM_K = 1000

/** An administrator's new floor: a whole number from HARD_MINIMUM_K to MAXIMUM_K. */
export function checkKFloor(floor: number): Result<number> {
  if (!Number.isInteger(floor) || floor < HARD_MINIMUM_K || floor > MAXIMUM_K)
    return fail(PROTECTION_ERRORS.kFloorOutOfRange, {
      floor: String(floor),
      min: HARD_MINIMUM_K,
      max: MAXIMUM_K,
    })
  return ok(floor)
}

/**
 * The k an export uses: the requester's, or the floor when none is asked; a k under the floor is refused, never
 * quietly raised, so the requester knows what the file guarantees.
 */
export function kForExport(requested: number | undefined, floor: number): Result<number> {
  const k = requested ?? floor
  if (!Number.isInteger(k) || k > MAXIMUM_K) return fail(PROTECTION_ERRORS.invalidK, { k: String(k) })
  if (k < floor) return fail(PROTECTION_ERRORS.kBelowFloor, { k, floor })
  return ok(k)
}

export type DeidentifiedRecord = Readonly<Record<string, string | number | boolean | null | undefined>>

export interface EquivalenceClass {
  /** The shared quasi-identifier values. */
  values: Readonly<Record<string, string>>
  size: number
}

export interface KAnonymityReport {
  k: number
  quasiIdentifiers: readonly string[]
  /** True when every equivalence class has at least k records. */
  satisfied: boolean
  records: number
  classes: number
  /** Classes under k, smallest first: what to generalise further or withhold. */
  tooSmall: EquivalenceClass[]
  recordsInSmallClasses: number
}

const MISSING = '(missing)'

function fieldValue(record: DeidentifiedRecord, field: string): string {
  const v = record[field]
  // A missing value is a value of its own: treating it as "matches anything" would overstate group sizes.
  return v === null || v === undefined || v === '' ? MISSING : String(v)
}

function classKey(record: DeidentifiedRecord, quasiIdentifiers: readonly string[]): string {
  return JSON.stringify(quasiIdentifiers.map((q) => fieldValue(record, q)))
}

function validate(
  records: readonly DeidentifiedRecord[],
  quasiIdentifiers: readonly string[],
  k: number,
): Result<true> {
  if (!Number.isInteger(k) || k < 2) return fail(PROTECTION_ERRORS.invalidK, { k: String(k) })
  if (quasiIdentifiers.length === 0) return fail(PROTECTION_ERRORS.noQuasiIdentifiers)
  const unknown = quasiIdentifiers.find((q) => records.length > 0 && !records.some((r) => q in r))
  if (unknown) return fail(PROTECTION_ERRORS.unknownQuasiIdentifier, { field: unknown })
  return ok(true)
}

/** Groups records by their quasi-identifier values and reports the groups smaller than k. */
export function checkKAnonymity(
  records: readonly DeidentifiedRecord[],
  quasiIdentifiers: readonly string[],
  k: number = DEFAULT_K,
): Result<KAnonymityReport> {
  const valid = validate(records, quasiIdentifiers, k)
  if (!valid.ok) return valid
  const groups = new Map<string, { record: DeidentifiedRecord; size: number }>()
  for (const record of records) {
    const key = classKey(record, quasiIdentifiers)
    const group = groups.get(key)
    if (group) group.size++
    else groups.set(key, { record, size: 1 })
  }
  const tooSmall = [...groups.values()]
    .filter((g) => g.size < k)
    .map((g) => ({
      values: Object.fromEntries(quasiIdentifiers.map((q) => [q, fieldValue(g.record, q)])),
      size: g.size,
    }))
    .sort((a, b) => a.size - b.size || JSON.stringify(a.values).localeCompare(JSON.stringify(b.values)))
  return ok({
    k,
    quasiIdentifiers,
    satisfied: tooSmall.length === 0,
    records: records.length,
    classes: groups.size,
    tooSmall,
    recordsInSmallClasses: tooSmall.reduce((n, c) => n + c.size, 0),
  })
}

/** The last resort after generalising: leave out the records of classes under k. */
export function withoutSmallClasses<T extends DeidentifiedRecord>(
  records: readonly T[],
  quasiIdentifiers: readonly string[],
  k: number = DEFAULT_K,
): Result<{ kept: T[]; withheld: number }> {
  const valid = validate(records, quasiIdentifiers, k)
  if (!valid.ok) return valid
  const sizes = new Map<string, number>()
  for (const r of records) {
    const key = classKey(r, quasiIdentifiers)
    sizes.set(key, (sizes.get(key) ?? 0) + 1)
  }
  const kept = records.filter((r) => (sizes.get(classKey(r, quasiIdentifiers)) ?? 0) >= k)
  return ok({ kept, withheld: records.length - kept.length })
}
