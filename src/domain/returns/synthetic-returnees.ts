import { random } from '../crossings/synthetic-traffic.ts'
import type { Need, ReturnType, TriageFlag } from './returnee.ts'

/**
 * Synthetic returnees for demos: Cambodian workers coming back from Thailand, mostly through Poipet, most of them
 * in one wave, from the north-western and south-eastern provinces. Deterministic for a seed; illustrative, not data. Names are common Khmer names with their usual romanisation.
 */
export interface SyntheticReturnee {
  familyKhmer: string
  givenKhmer: string
  familyLatin: string
  givenLatin: string
  sex: 'M' | 'F'
  age: number
  originProvince: string
  returnProvince: string
  returnType: ReturnType
  triageFlags: TriageFlag[]
  needs: Need[]
  /** Days before the last day of the range. */
  daysAgo: number
  /** Registration time in the day, in minutes from midnight (the reception centre works 06:00–18:00). */
  minuteOfDay: number
  postCode: string
}

type Name = readonly [khmer: string, latin: string]

const FAMILIES: readonly Name[] = [
  ['សុខ', 'Sok'],
  ['ចាន់', 'Chan'],
  ['គឹម', 'Kim'],
  ['ហេង', 'Heng'],
  ['លី', 'Ly'],
  ['ស៊ុន', 'Sun'],
  ['ម៉ៅ', 'Mao'],
  ['ពេជ្រ', 'Pech'],
  ['នួន', 'Nuon'],
  ['ឈឹម', 'Chhim'],
]
const MALE: readonly Name[] = [
  ['ដារា', 'Dara'],
  ['វិសាល', 'Visal'],
  ['សុភា', 'Sophea'],
  ['រតនា', 'Rathana'],
  ['វណ្ណៈ', 'Vannak'],
  ['ពិសិដ្ឋ', 'Piseth'],
  ['សំណាង', 'Samnang'],
]
const FEMALE: readonly Name[] = [
  ['ស្រីមុំ', 'Sreymom'],
  ['ចន្ថា', 'Chantha'],
  ['សុភាព', 'Sopheap'],
  ['ពិសី', 'Pisey'],
  ['ស្រីនាង', 'Sreyneang'],
  ['រចនា', 'Rachana'],
  ['កញ្ញា', 'Kanha'],
]

/** Provinces of origin: an illustrative weighting toward the border provinces (not survey data). */
const PROVINCES: readonly (readonly [string, number])[] = [
  ['KH-1', 22],
  ['KH-2', 14],
  ['KH-14', 12],
  ['KH-22', 9],
  ['KH-17', 9],
  ['KH-3', 8],
  ['KH-25', 6],
  ['KH-20', 5],
  ['KH-6', 5],
  ['KH-24', 3],
  ['KH-15', 3],
  ['KH-21', 2],
  ['KH-12', 2],
]
const POSTS: readonly (readonly [string, number])[] = [
  ['LAND-POIPET', 70],
  ['LAND-STUNGBOT', 15],
  ['LAND-CHAMYEAM', 10],
  ['LAND-OSMACH', 5],
]
const RETURN_TYPES: readonly (readonly [ReturnType, number])[] = [
  ['spontaneous', 70],
  ['g2g_list', 20],
  ['deportation', 10],
]

function pick<T>(r: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0)
  let x = r() * total
  for (const [value, w] of weighted) {
    x -= w
    if (x < 0) return value
  }
  return weighted[weighted.length - 1]![0]
}

function one<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!
}

/** A return wave: a tenth of the returnees spread over the range, the rest crowded into six weeks of it. */
function daysAgo(r: () => number, rangeDays: number): number {
  if (r() < 0.1) return Math.floor(r() * rangeDays)
  const waveStart = Math.min(rangeDays - 1, 150)
  return Math.max(0, waveStart - Math.floor(r() * r() * 42))
}

export function* syntheticReturnees(o: {
  seed: number
  count: number
  rangeDays: number
  posts?: readonly string[]
}): Generator<SyntheticReturnee> {
  const r = random(o.seed)
  const posts = o.posts ? POSTS.filter(([p]) => o.posts?.includes(p)) : POSTS
  for (let i = 0; i < o.count; i++) {
    const sex = r() < 0.56 ? 'M' : 'F'
    const age = r() < 0.12 ? 1 + Math.floor(r() * 17) : 18 + Math.floor(r() * r() * 50)
    const [familyKhmer, familyLatin] = one(r, FAMILIES)
    const [givenKhmer, givenLatin] = one(r, sex === 'M' ? MALE : FEMALE)
    const origin = pick(r, PROVINCES)
    const flags: TriageFlag[] = []
    if (age < 18) flags.push('child')
    if (age < 18 && r() < 0.08) flags.push('unaccompanied_child')
    if (sex === 'F' && age >= 18 && age < 45 && r() < 0.06) flags.push('pregnancy')
    if (r() < 0.07) flags.push('medical')
    if (r() < 0.02) flags.push('disability')
    if (r() < 0.03) flags.push('trafficking_indicators')
    const needs: Need[] = ['water', 'food']
    if (r() < 0.6) needs.push('transport_home')
    if (r() < 0.15) needs.push('shelter')
    if (flags.includes('medical') || flags.includes('pregnancy')) needs.push('medical_care')
    yield {
      familyKhmer,
      givenKhmer,
      familyLatin,
      givenLatin,
      sex,
      age,
      originProvince: origin,
      returnProvince: r() < 0.85 ? origin : pick(r, PROVINCES),
      returnType: pick(r, RETURN_TYPES),
      triageFlags: flags,
      needs,
      daysAgo: daysAgo(r, o.rangeDays),
      minuteOfDay: 360 + Math.floor(r() * 720),
      postCode: pick(r, posts.length ? posts : POSTS),
    }
  }
}
