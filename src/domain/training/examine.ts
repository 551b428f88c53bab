import { checkCompanions } from '../crossings/companions.ts'
import { toMrzWords } from '../documents/names.ts'
import { parseMrz } from '../documents/parse.ts'
import type { DefectCode } from './defects.ts'
import type { Specimen, TrainingLists } from './specimen.ts'

const words = (name: string) => toMrzWords(name).join(' ')

/**
 * What the counter's own checks find on a specimen: the MRZ engine's check digits (in specimen mode, the only
 * place `UTO` is accepted), the MRZ read against the printed page, expiry on the exercise's day, the training
 * lists and the guardian rule of the crossings domain. These are the same functions the inspection screen runs;
 * a defect none of them finds is visual-only (`VISUAL_ONLY`).
 */
export function machineFindings(s: Specimen, o: { today: string; lists: TrainingLists }): Set<DefectCode> {
  const found = new Set<DefectCode>()
  const read = parseMrz(s.mrz, { referenceDate: o.today, allowSpecimen: true })
  const f = read.fields
  if (Object.values(read.checks).some((ok) => ok === false)) found.add('mrz_check_digit')
  if (f.birthDate !== s.printed.birthDate) found.add('mrz_viz_birth_date')
  if (f.surname !== words(s.printed.surname) || f.givenNames !== words(s.printed.givenNames))
    found.add('mrz_viz_name')
  if (f.documentNumber !== s.printed.documentNumber) found.add('mrz_viz_number')
  if (f.expiryDate !== s.printed.expiryDate) found.add('altered_expiry')
  if (f.expiryDate !== null && f.expiryDate < o.today) found.add('expired')
  const numbers = [f.documentNumber, s.printed.documentNumber]
  if (o.lists.lostStolen.some((n) => numbers.includes(n))) found.add('lost_stolen')
  if (
    o.lists.alerts.some(
      (a) => a.surname === f.surname && a.givenNames === f.givenNames && a.birthDate === f.birthDate,
    )
  )
    found.add('alert_list')
  const guard = checkCompanions({
    travellerId: 'holder',
    birthDate: f.birthDate,
    day: o.today,
    companions: s.companions.map((c, i) => ({
      travellerId: `companion-${i}`,
      relation: c.relation,
      birthDate: c.birthDate,
    })),
  })
  if (guard.refusal?.code === 'crossings.rules.child_without_guardian') found.add('child_without_guardian')
  return found
}

/** The training lists of a whole exercise: every item's entries, so one item's decoys are another's noise. */
export function mergeLists(items: readonly TrainingLists[]): TrainingLists {
  return {
    lostStolen: [...new Set(items.flatMap((l) => l.lostStolen))],
    alerts: items.flatMap((l) => l.alerts),
  }
}
