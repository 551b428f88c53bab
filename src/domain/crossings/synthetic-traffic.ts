/**
 * Realistic synthetic border traffic for demos and benchmarks: a nationality mix, post volumes, seasonal peaks
 * (Khmer New Year in April, Pchum Ben around October), a mass-return wave of Cambodian workers through Poipet,
 * overstays and refusals. Deterministic for a given seed, and produced as a stream so ten million movements never
 * sit in memory at once.
 */

export interface SyntheticTraveller {
  index: number
  surname: string
  givenNames: string
  birthDate: string
  sex: 'M' | 'F'
  nationality: string
  documentNumber: string
}

export interface SyntheticMovement {
  travellerIndex: number
  postCode: string
  at: Date
  direction: 'entry' | 'exit'
  decision: 'admit' | 'refuse'
  refusalReason: string | null
  purpose: string
  permittedStayDays: number | null
  /** For a foreigner's exit: days since the matching entry, both days counted. */
  stayDays: number | null
  overstayDays: number | null
}

export interface TrafficOptions {
  seed: number
  /** Movements to produce (approximately: a traveller's trip is never cut in half). */
  movements: number
  from: Date
  days: number
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same traffic on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(r: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0)
  let x = r() * total
  for (const [value, w] of weighted) {
    x -= w
    if (x < 0) return value
  }
  return weighted[weighted.length - 1]![0]
}

const NATIONALITIES = [
  ['KHM', 55],
  ['THA', 14],
  ['VNM', 12],
  ['CHN', 8],
  ['LAO', 3],
  ['KOR', 2],
  ['USA', 2],
  ['FRA', 1],
  ['GBR', 1],
  ['JPN', 2],
] as const
const POSTS = [
  ['LAND-POIPET', 30],
  ['LAND-BAVET', 22],
  ['AIR-TECHO', 16],
  ['AIR-SIEMREAP', 8],
  ['LAND-CHAMYEAM', 5],
  ['LAND-OSMACH', 3],
  ['LAND-PREKCHAK', 4],
  ['LAND-TRAPEANGKRIEL', 2],
  ['AIR-SIHANOUK', 3],
  ['SEA-SIHANOUKVILLE', 1],
  ['RIVER-KAAMSAMNOR', 2],
  ['LAND-PHNOMDEN', 2],
  ['LAND-DAUNG', 2],
] as const
const PURPOSES = [
  ['tourism', 45],
  ['business', 12],
  ['employment', 18],
  ['family_visit', 15],
  ['transit', 5],
  ['study', 5],
] as const
const SURNAMES: Record<string, readonly string[]> = {
  KHM: [
    'Chhay',
    'Sok',
    'Chan',
    'Keo',
    'Heng',
    'Lim',
    'Meas',
    'Phan',
    'Touch',
    'Ly',
    'Ros',
    'Hem',
    'Yim',
    'Sam',
    'Mao',
  ],
  THA: ['Srisuk', 'Chaiyaporn', 'Wongsawat', 'Boonmee', 'Saetang', 'Kaewkla'],
  VNM: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu'],
  CHN: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang'],
  LAO: ['Phommachanh', 'Sysavath', 'Vongsa', 'Keomany'],
}
const GIVEN: Record<string, readonly string[]> = {
  KHM: [
    'Sokha',
    'Dara',
    'Sophea',
    'Vanna',
    'Rithy',
    'Sreymom',
    'Chanthou',
    'Bopha',
    'Piseth',
    'Sothea',
    'Vibol',
    'Nary',
  ],
  THA: ['Somchai', 'Nattaya', 'Kittisak', 'Pimchanok', 'Anan', 'Supaporn'],
  VNM: ['Anh', 'Minh', 'Huong', 'Thanh', 'Lan', 'Duc'],
  CHN: ['Wei', 'Jun', 'Fang', 'Lei', 'Min', 'Hao'],
  LAO: ['Khamla', 'Souk', 'Noy', 'Bounmy'],
}
const LATIN_SURNAMES = ['Smith', 'Martin', 'Kim', 'Sato', 'Johnson', 'Dubois', 'Brown', 'Lee']
const LATIN_GIVEN = ['John', 'Maria', 'David', 'Emma', 'Yuki', 'Min-jun', 'Claire', 'James']

/** Relative traffic of a day: Khmer New Year (mid-April) and Pchum Ben (late September–October) peaks. */
export function seasonalWeight(d: Date): number {
  const month = d.getUTCMonth() + 1
  const day = d.getUTCDate()
  if (month === 4 && day >= 10 && day <= 20) return 2.2
  if ((month === 9 && day >= 20) || (month === 10 && day <= 10)) return 1.7
  if (month === 12 || month === 1) return 1.3
  return 1
}

function traveller(r: () => number, index: number): SyntheticTraveller {
  const nationality = pick(r, NATIONALITIES)
  const surnames = SURNAMES[nationality] ?? LATIN_SURNAMES
  const given = GIVEN[nationality] ?? LATIN_GIVEN
  const age = Math.floor(r() < 0.12 ? r() * 18 : 18 + r() * 52)
  const year = 2026 - age
  return {
    index,
    surname: surnames[Math.floor(r() * surnames.length)]!,
    givenNames: given[Math.floor(r() * given.length)]!,
    birthDate: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
    sex: r() < 0.5 ? 'M' : 'F',
    nationality,
    documentNumber: `S${String(index).padStart(8, '0')}`,
  }
}

const DAY = 86_400_000

/** A day of the period, drawn in proportion to its seasonal weight (rejection sampling against the highest peak). */
function day(r: () => number, o: TrafficOptions): Date {
  for (;;) {
    const d = new Date(o.from.getTime() + Math.floor(r() * o.days) * DAY)
    if (r() * 2.2 < seasonalWeight(d)) return d
  }
}

/**
 * Streams travellers with their movements. Foreigners enter then leave; Cambodians leave then come back. Each trip
 * is a pair of admitted movements, so a traveller's record is always a consistent alternation; a refusal (0.4 %)
 * ends the traveller's trips there. A mass-return wave sends Cambodian workers home through Poipet in the period's
 * middle fortnight.
 */
export function* syntheticTraffic(
  o: TrafficOptions,
): Generator<{ traveller: SyntheticTraveller; movements: SyntheticMovement[] }> {
  const r = random(o.seed)
  let produced = 0
  let index = 0
  const waveStart = o.from.getTime() + Math.floor(o.days / 2) * DAY
  while (produced < o.movements) {
    const t = traveller(r, index)
    const home = t.nationality === 'KHM'
    const returnee = home && r() < 0.08
    const movements: SyntheticMovement[] = []
    const trips = 1 + Math.floor(r() * r() * 6)
    let cursor = day(r, o).getTime()
    for (let trip = 0; trip < trips && produced + movements.length < o.movements; trip++) {
      const post = returnee ? 'LAND-POIPET' : pick(r, POSTS)
      const purpose = returnee ? 'employment' : pick(r, PURPOSES)
      const permitted = home
        ? null
        : pick(r, [
            [30, 70],
            [15, 10],
            [90, 10],
            [365, 10],
          ] as const)
      const firstAt = returnee ? waveStart + Math.floor(r() * 14) * DAY : cursor
      const first = new Date(firstAt + Math.floor(r() * DAY))
      const refused = r() < 0.004
      movements.push({
        travellerIndex: t.index,
        postCode: post,
        at: first,
        direction: home ? 'exit' : 'entry',
        decision: refused ? 'refuse' : 'admit',
        refusalReason: refused
          ? pick(r, [
              ['no_valid_visa', 3],
              ['false_document', 1],
              ['purpose_not_justified', 2],
            ] as const)
          : null,
        purpose,
        permittedStayDays: permitted,
        stayDays: null,
        overstayDays: null,
      })
      if (refused) break
      const overstay = !home && r() < 0.02
      const stay = overstay
        ? (permitted ?? 30) + 1 + Math.floor(r() * 40)
        : 1 + Math.floor(r() * Math.min(permitted ?? 60, 60))
      const second = new Date(first.getTime() + stay * DAY)
      movements.push({
        travellerIndex: t.index,
        postCode: r() < 0.8 ? post : pick(r, POSTS),
        at: second,
        direction: home ? 'entry' : 'exit',
        decision: 'admit',
        refusalReason: null,
        purpose,
        permittedStayDays: permitted,
        stayDays: home ? null : stay + 1,
        overstayDays: home || permitted === null ? null : Math.max(0, stay + 1 - permitted),
      })
      cursor = second.getTime() + (20 + Math.floor(r() * 200)) * DAY
      if (returnee) break
    }
    produced += movements.length
    index++
    yield { traveller: t, movements }
  }
}
