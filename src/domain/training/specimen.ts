import type { Relation } from '../crossings/types.ts'
import { generateMrz } from '../documents/generate.ts'
import { SPECIMEN_STATE } from '../documents/issuing-states.ts'
import { addDays, addYears } from './dates.ts'
import { compatible, type DefectCode } from './defects.ts'
import { injectDefect } from './inject.ts'
import type { Random } from './random.ts'
import { seeded } from './random.ts'
import { INDICATOR_STORY, NEUTRAL_STORY, type StoryCode } from './story.ts'

/** Passports (TD3), identity cards (TD1) and visas (MRV-A) of the specimen state only: never a real country's design. */
export const SPECIMEN_KINDS = ['TD3', 'TD1', 'VISA'] as const
export type SpecimenKind = (typeof SPECIMEN_KINDS)[number]

/** The visual inspection zone: what is printed on the data page, dates as `YYYY-MM-DD`. */
export interface PrintedPage {
  documentCode: string
  issuingState: string
  documentNumber: string
  surname: string
  givenNames: string
  nationality: string
  birthDate: string
  sex: 'M' | 'F'
  placeOfBirth: string
  issueDate: string
  expiryDate: string
}

export interface Companion {
  name: string
  relation: Relation
  birthDate: string
}

/** The training lists an exercise item is screened against (never the live alert lists). */
export interface TrainingLists {
  lostStolen: string[]
  alerts: { surname: string; givenNames: string; birthDate: string }[]
}

export interface Specimen {
  kind: SpecimenKind
  printed: PrintedPage
  mrz: string[]
  companions: Companion[]
  story: StoryCode[]
  lists: TrainingLists
  /** What was injected: the answer key, never sent to the trainee before the exercise is submitted. */
  defects: DefectCode[]
}

const SURNAMES = [
  'ERIKSSON',
  'MORENO',
  'LINDQVIST',
  'OKAFOR',
  'TANAKA',
  'DUBOIS',
  'HALVORSEN',
  'SANTOS',
  'NOVAK',
]
const GIVEN = {
  F: ['ANNA MARIA', 'LENA', 'SOFIA', 'IRIS', 'MAYA JANE', 'ELENA'],
  M: ['PETER JOHN', 'MARCO', 'JONAS', 'LUCAS', 'ADAM', 'TOMAS'],
}
const PLACES = ['UTOPIA CITY', 'NORTH HAVEN', 'EASTBROOK', 'PORT ISLE']

function documentNumber(r: Random): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ'
  return `${r.pick([...letters])}${r.pick([...letters])}${String(r.int(0, 9_999_999)).padStart(7, '0')}`
}

export interface SpecimenRequest {
  seed: number
  kind: SpecimenKind
  defects: readonly DefectCode[]
  /** The exercise's day: expiry and ages are judged on it. */
  today: string
}

/**
 * One specimen: a consistent holder, data page and MRZ (written by the documents domain's generator), then each
 * requested defect applied. Throws on defects that cannot sit together (`compatible`): composition refuses them first.
 */
export function generateSpecimen(req: SpecimenRequest): Specimen {
  const defects = [...new Set(req.defects)]
  for (const a of defects)
    for (const b of defects) if (a < b && !compatible(a, b)) throw new RangeError(`${a} with ${b}`)
  const r = seeded(req.seed)
  const has = (d: DefectCode) => defects.includes(d)
  const sex = r.pick(['F', 'M'] as const)
  const child = has('child_without_guardian') || (req.kind === 'TD3' && r.next() < 0.15)
  const age = child ? r.int(4, 10) : r.int(19, 62)
  const birthDate = addDays(addYears(req.today, -age), -r.int(1, 360))
  const surname = r.pick(SURNAMES)
  const givenNames = r.pick(GIVEN[sex])
  const { issueDate, expiryDate } = validity(r, req.kind, req.today, has('expired'))
  const printed: PrintedPage = {
    documentCode: req.kind === 'TD3' ? 'P' : req.kind === 'TD1' ? 'I' : 'V',
    issuingState: SPECIMEN_STATE,
    documentNumber: documentNumber(r),
    surname,
    givenNames,
    nationality: SPECIMEN_STATE,
    birthDate,
    sex,
    placeOfBirth: r.pick(PLACES),
    issueDate,
    expiryDate,
  }
  const format = req.kind === 'VISA' ? 'MRVA' : req.kind
  const mrz = generateMrz({ format, ...printed }).lines
  const companions: Companion[] = []
  if (child && !has('child_without_guardian'))
    companions.push({
      name: `${r.pick(GIVEN.F)} ${surname}`,
      relation: 'parent',
      birthDate: addYears(birthDate, -30),
    })
  const story: StoryCode[] = has('trafficking_indicators')
    ? [r.pick(NEUTRAL_STORY), ...r.shuffle(INDICATOR_STORY).slice(0, 2)]
    : r.shuffle(NEUTRAL_STORY).slice(0, 2)
  const lists: TrainingLists = {
    lostStolen: [documentNumber(r), documentNumber(r)],
    alerts: [{ surname: r.pick(SURNAMES), givenNames: 'DECOY', birthDate: addYears(req.today, -40) }],
  }
  if (has('lost_stolen')) lists.lostStolen.push(printed.documentNumber)
  if (has('alert_list')) lists.alerts.push({ surname, givenNames, birthDate })
  const specimen: Specimen = { kind: req.kind, printed, mrz, companions, story, lists, defects }
  for (const d of defects) injectDefect(specimen, d, r)
  return specimen
}

function validity(r: Random, kind: SpecimenKind, today: string, expired: boolean) {
  const years = kind === 'TD3' ? 10 : 5
  if (kind === 'VISA') {
    const expiryDate = expired ? addDays(today, -r.int(5, 200)) : addDays(today, r.int(20, 170))
    return { issueDate: addDays(expiryDate, -180), expiryDate }
  }
  if (expired) {
    const expiryDate = addDays(today, -r.int(10, 700))
    return { issueDate: addYears(expiryDate, -years), expiryDate }
  }
  const issueDate = addDays(today, -r.int(30, (years - 1) * 365))
  return { issueDate, expiryDate: addYears(issueDate, years) }
}
