import { allowedScope } from '../../domain/identity/policy.ts'
import { compareNames, type PersonDetails, POSSIBLE_THRESHOLD } from '../../domain/screening/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { RequestActor } from '../identity/actor.ts'
import type { PersonRow } from './protection.tables.ts'

export interface DuplicateCandidate {
  person: PersonRow
  score: number
  decision: 'match' | 'possible'
  /** Which of the two spellings met: the Latin names, or a Khmer-script name against the other's Latin one. */
  via: 'latin' | 'khmer'
  explanation: ReturnType<typeof compareNames>['explanation']
}

// Years either side of the birth year that still count as the same person: estimated ages are often off by one.
const BIRTH_YEAR_SLACK = 2
// Enough for one agency's caseload; the matcher, not the prefilter, decides.
const CANDIDATE_LIMIT = 5000

function details(p: PersonRow, script: 'latin' | 'khmer'): PersonDetails | null {
  const name =
    script === 'latin'
      ? `${p.family_latin} ${p.given_latin}`.trim()
      : [p.family_khmer, p.given_khmer].filter(Boolean).join(' ')
  if (!name) return null
  return {
    name,
    birthDate: p.birth_date ?? undefined,
    nationality: p.nationality ?? undefined,
    sex: sexOf(p.gender),
  }
}

function sexOf(gender: string): 'M' | 'F' | undefined {
  return gender === 'male' || gender === 'M' ? 'M' : gender === 'female' || gender === 'F' ? 'F' : undefined
}

/**
 * Possible duplicates of a person among those the actor may see, found with the screening matcher so that
 * Khmer romanisation variants (Chhay/Chay, Sokha/Sokhar) and Khmer-script names meet their Latin spellings.
 * Nothing is merged here: the worker decides.
 */
export async function findPossibleDuplicates(o: {
  db: Executor
  actor: RequestActor
  person: PersonRow
  limit?: number
}): Promise<DuplicateCandidate[]> {
  const scope = allowedScope(o.actor, 'read', 'person')
  if (!scope) return []
  let q = o.db
    .selectFrom('protection_persons')
    .selectAll()
    .where('id', '!=', o.person.id)
    .where('merged_into', 'is', null)
  if (scope !== 'national') q = q.where('agency_code', '=', o.actor.agencyCode)
  const year = o.person.birth_date ? Number(o.person.birth_date.slice(0, 4)) : null
  if (year) {
    q = q.where((eb) =>
      eb.or([
        eb('birth_date', 'is', null),
        eb.between('birth_date', `${year - BIRTH_YEAR_SLACK}-01-01`, `${year + BIRTH_YEAR_SLACK}-12-31`),
      ]),
    )
  }
  const rows = await q.limit(CANDIDATE_LIMIT).execute()
  const mine = { latin: details(o.person, 'latin'), khmer: details(o.person, 'khmer') }
  const found: DuplicateCandidate[] = []
  for (const row of rows) {
    let best: DuplicateCandidate | null = null
    for (const [via, a] of Object.entries(mine) as ['latin' | 'khmer', PersonDetails | null][]) {
      if (!a) continue
      for (const b of [details(row, 'latin'), details(row, 'khmer')]) {
        if (!b) continue
        const r = compareNames(a, b)
        if (r.score >= POSSIBLE_THRESHOLD && (!best || r.score > best.score)) {
          best = {
            person: row,
            score: r.score,
            decision: r.decision === 'match' ? 'match' : 'possible',
            via,
            explanation: r.explanation,
          }
        }
      }
    }
    if (best) found.push(best)
  }
  return found.sort((x, y) => y.score - x.score).slice(0, o.limit ?? 10)
}
