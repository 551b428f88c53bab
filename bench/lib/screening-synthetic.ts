/**
 * A deterministic synthetic alert list of realistic multinational names for the screening speed bench:
 * the nationalities that cross Cambodia's borders most (Khmer, Vietnamese, Thai, Chinese, Lao), then the
 * region and the rest of the world. Frequent parts are drawn far more often than rare ones (Zipf-like),
 * one entry in twelve carries a misspelling and one in ten an invented rare name, so the vocabulary has
 * the long tail of a real list. Khmer entries carry a Khmer-script alias when their parts have one.
 */
import type { IndexEntry } from '../../src/domain/screening/candidate-index.ts'

const KHMER_SURNAMES: [string, string?][] = [
  ['Sok', 'សុខ'],
  ['Chea', 'ជា'],
  ['Chan', 'ចាន់'],
  ['Seng', 'សេង'],
  ['Kim', 'គឹម'],
  ['Heng', 'ហេង'],
  ['Ly', 'លី'],
  ['Hak', 'ហាក់'],
  ['Nuon', 'នួន'],
  ['Ouch', 'អ៊ូច'],
  ['Chhay', 'ឆៃ'],
  ['Vong', 'វង្ស'],
  ['Thach', 'ថាច់'],
  ['Sum', 'ស៊ុំ'],
  ['Huot', 'ហួត'],
  ['Long', 'ឡុង'],
  ['Bun', 'ប៊ុន'],
  ['Keo'],
  ['Meas'],
  ['Hun'],
  ['Sam'],
  ['Prak'],
  ['Pich'],
  ['Yim'],
  ['Mao'],
  ['Khieu'],
  ['Ros'],
  ['Men'],
  ['Touch'],
  ['Nhem'],
  ['Chhun'],
  ['Tep'],
  ['Sin'],
  ['Phan'],
  ['Oum'],
  ['Chhim'],
  ['Eang'],
  ['Lim'],
  ['Khun'],
  ['Sun'],
  ['Norng'],
  ['Ung'],
  ['Hem'],
  ['Sor'],
  ['Pen'],
  ['Soth'],
  ['Than'],
  ['Mom'],
]
const KHMER_GIVEN: [string, string?][] = [
  ['Sokha', 'សុខា'],
  ['Dara', 'ដារា'],
  ['Sophea', 'សុភា'],
  ['Bopha', 'បុប្ផា'],
  ['Channary', 'ចន្ទ្នារី'],
  ['Vibol', 'វិបុល'],
  ['Borey', 'បុរី'],
  ['Srey', 'ស្រី'],
  ['Sreyna', 'ស្រីណា'],
  ['Chantrea', 'ចន្ទ្រា'],
  ['Lakhena', 'លក្ខិណា'],
  ['Metta', 'មេត្តា'],
  ['Rith', 'រិទ្ធ'],
  ['Serey', 'សិរី'],
  ['Pich', 'ពេជ្រ'],
  ['Kun', 'គុណ'],
  ['Sok', 'សុខ'],
  ['Chakra', 'ចក្រា'],
  ['Vichea', 'វិជ្ជា'],
  ['Piseth'],
  ['Sambath'],
  ['Vanna'],
  ['Vannak'],
  ['Rithy'],
  ['Sopheak'],
  ['Sovann'],
  ['Kosal'],
  ['Visal'],
  ['Veasna'],
  ['Kimhong'],
  ['Leakhena'],
  ['Monyrath'],
  ['Narith'],
  ['Pheakdey'],
  ['Rotha'],
  ['Samnang'],
  ['Sothea'],
  ['Thida'],
  ['Vichet'],
  ['Vuthy'],
  ['Chamroeun'],
  ['Kunthea'],
  ['Makara'],
  ['Maly'],
  ['Nimol'],
  ['Phalla'],
  ['Raksmey'],
  ['Seyha'],
  ['Sokhom'],
  ['Sokun'],
  ['Somaly'],
  ['Sophal'],
  ['Sreypov'],
  ['Sreymom'],
  ['Sreyleak'],
  ['Thavy'],
  ['Chenda'],
  ['Bunthoeun'],
  ['Chanthou'],
  ['Davy'],
  ['Kannitha'],
  ['Mealea'],
  ['Molika'],
  ['Nary'],
  ['Panha'],
  ['Ratana'],
  ['Sothy'],
  ['Sovannara'],
]
const VI_SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
]
const VI_MIDDLE = [
  'Văn',
  'Thị',
  'Đức',
  'Minh',
  'Ngọc',
  'Thanh',
  'Hữu',
  'Quốc',
  'Thu',
  'Kim',
  'Xuân',
  'Công',
  'Hồng',
]
const VI_GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Chi',
  'Cường',
  'Dũng',
  'Duy',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Huy',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Nhung',
  'Phong',
  'Phúc',
  'Phương',
  'Quân',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Thành',
  'Trang',
  'Trung',
  'Tuấn',
  'Vân',
  'Việt',
  'Vy',
  'Xuân',
  'Yến',
  'Đạt',
  'Tú',
  'Lộc',
  'Tài',
]
const TH_GIVEN = [
  'Somchai',
  'Somsak',
  'Suchart',
  'Prasert',
  'Wichai',
  'Suwit',
  'Kittipong',
  'Pornthip',
  'Siriporn',
  'Thongchai',
  'Nattapong',
  'Sompong',
  'Jintana',
  'Pimchanok',
  'Sunee',
  'Malee',
  'Wanpen',
  'Supaporn',
  'Apichart',
  'Chaiwat',
  'Teerapong',
  'Weerasak',
  'Jirawat',
  'Duangjai',
  'Yupin',
  'Ratchanee',
  'Surasak',
  'Kanokwan',
  'Anong',
  'Boonsong',
  'Chalerm',
  'Kamol',
  'Lamai',
  'Niran',
  'Orathai',
  'Pakorn',
  'Rattana',
  'Sakda',
  'Thanawat',
  'Urai',
  'Wipawee',
  'Yaowalak',
]
const TH_SURNAMES = [
  'Jaidee',
  'Srisuk',
  'Boonyarat',
  'Wongsawat',
  'Thongdee',
  'Rattanakorn',
  'Chaiyaporn',
  'Sukprasert',
  'Kaewmanee',
  'Promma',
  'Pongsakorn',
  'Yodmanee',
  'Boonmee',
  'Saelim',
  'Charoenrat',
  'Suwannarat',
  'Sombat',
  'Intarasuk',
  'Ruangsri',
  'Thepsiri',
  'Saetang',
  'Srisawat',
  'Chantarasombat',
  'Kongkaew',
  'Phromsuwan',
  'Wattanasin',
  'Limthong',
  'Sangthong',
  'Khamsuk',
]
const ZH_SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'He',
  'Lin',
  'Luo',
  'Gao',
  'Zheng',
  'Liang',
  'Xie',
  'Song',
  'Tang',
]
const ZH_GIVEN = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Qiang',
  'Lei',
  'Jun',
  'Yong',
  'Jie',
  'Tao',
  'Ming',
  'Chao',
  'Xiuying',
  'Xiaoming',
  'Jianguo',
  'Guiying',
  'Xiulan',
  'Haiyan',
  'Zhiqiang',
  'Jianhua',
  'Lijuan',
  'Yuzhen',
  'Hui',
  'Ping',
  'Gang',
  'Hong',
  'Yanping',
  'Xiaohong',
  'Junjie',
  'Hao',
  'Yu',
  'Xin',
  'Bo',
  'Lin',
  'Peng',
  'Hua',
  'Dan',
  'Ying',
  'Yun',
]
const LAO_GIVEN = [
  'Bounmy',
  'Somphone',
  'Khamla',
  'Souksavanh',
  'Vilayphone',
  'Phonexay',
  'Thongsavanh',
  'Keo',
  'Noy',
  'Sengdao',
  'Bounthanh',
]
const LAO_SURNAMES = [
  'Phommachanh',
  'Sayavong',
  'Keomany',
  'Vongsa',
  'Inthavong',
  'Sisouphanh',
  'Phimmasone',
  'Chanthavong',
  'Souvannavong',
]
const WEST_GIVEN = [
  'John',
  'Michael',
  'David',
  'James',
  'Robert',
  'William',
  'Richard',
  'Thomas',
  'Maria',
  'Anna',
  'Elizabeth',
  'Sarah',
  'Emma',
  'Olivia',
  'Jean',
  'Pierre',
  'Marie',
  'Sophie',
  'Hans',
  'Jürgen',
  'Klaus',
  'Stefan',
  'José',
  'Juan',
  'Carlos',
  'Luis',
  'Ana',
  'Giuseppe',
  'Marco',
  'Dmitri',
  'Sergei',
  'Olga',
  'Natalia',
  'Ivan',
  'Mohammed',
  'Ahmed',
  'Ali',
  'Fatima',
  'Omar',
  'Rajesh',
  'Priya',
  'Amit',
  'Sunita',
  'Kenji',
  'Yuki',
  'Min-jun',
  'Ji-woo',
  'Aung',
  'Kyaw',
  'Siti',
  'Budi',
  'Nurul',
]
const WEST_SURNAMES = [
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'Martin',
  'Dubois',
  'Lefèvre',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'García',
  'Fernández',
  'López',
  'Martínez',
  'Rossi',
  'Russo',
  'Ivanov',
  'Petrov',
  'Smirnov',
  'Volkov',
  'Kowalski',
  'Nowak',
  'Hassan',
  'Hussein',
  'Abdullah',
  'Rahman',
  'Sharma',
  'Kumar',
  'Singh',
  'Patel',
  'Tanaka',
  'Suzuki',
  'Kim',
  'Park',
  'Lee',
  'Santos',
  'Reyes',
  'Cruz',
  'Moe',
  'Win',
  'Tun',
  'Wijaya',
  'Santoso',
  'Nielsen',
  'Andersen',
  'Jensen',
  "O'Brien",
  'Murphy',
]
const SYLLABLES = [
  'ka',
  'so',
  'ri',
  'tha',
  'van',
  'mon',
  'chan',
  'pho',
  'lek',
  'sam',
  'nar',
  'vi',
  'bo',
  'dy',
  'rak',
  'sey',
  'ny',
  'kun',
  'to',
  'ma',
  'li',
  'na',
  'phal',
  'sen',
]

/** Mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let s = seed | 0
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface NameGenerator {
  random: () => number
  /** Zipf-like pick: the first items of a list come up far more often than the last. */
  skewed<T>(items: readonly T[], power?: number): T
  uniform<T>(items: readonly T[]): T
}

export function generator(seed: number): NameGenerator {
  const random = seededRandom(seed)
  return {
    random,
    skewed: (items, power = 2.2) => items[Math.floor(items.length * random() ** power)]!,
    uniform: (items) => items[Math.floor(items.length * random())]!,
  }
}

/** One misspelling: a letter dropped, doubled or swapped with its neighbour. */
export function misspell(word: string, random: () => number): string {
  if (word.length < 4) return word
  const i = 1 + Math.floor(random() * (word.length - 2))
  const kind = Math.floor(random() * 3)
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1)
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i)
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
}

function invented(g: NameGenerator): string {
  const n = 2 + Math.floor(g.random() * 2)
  let w = ''
  for (let i = 0; i < n; i++) w += g.uniform(SYLLABLES)
  return w[0]!.toUpperCase() + w.slice(1)
}

export interface SyntheticPerson {
  names: string[]
  nationality: string
  sex: 'F' | 'M'
  birthDate: string
}

/** One synthetic person; `g` decides everything, so the same seed gives the same list. */
export function syntheticPerson(g: NameGenerator): SyntheticPerson {
  const r = g.random()
  const sex = g.random() < 0.5 ? 'F' : 'M'
  const year = 1950 + Math.floor(g.random() * 58)
  const pad = (n: number) => String(n).padStart(2, '0')
  const birthDate = `${year}-${pad(1 + Math.floor(g.random() * 12))}-${pad(1 + Math.floor(g.random() * 28))}`
  let parts: string[]
  let nationality: string
  let khmer: string | undefined
  if (r < 0.3) {
    const s = g.skewed(KHMER_SURNAMES)
    const gv = g.skewed(KHMER_GIVEN, 1.6)
    parts = [s[0], gv[0]]
    nationality = 'KHM'
    if (s[1] && gv[1] && g.random() < 0.6) khmer = `${s[1]} ${gv[1]}`
  } else if (r < 0.45) {
    parts = [g.skewed(VI_SURNAMES, 3), g.skewed(VI_MIDDLE, 1.5), g.skewed(VI_GIVEN, 1.5)]
    nationality = 'VNM'
  } else if (r < 0.58) {
    parts = [g.skewed(TH_GIVEN, 1.5), g.skewed(TH_SURNAMES, 1.3)]
    nationality = 'THA'
  } else if (r < 0.7) {
    parts = [g.skewed(ZH_SURNAMES, 2.5), g.skewed(ZH_GIVEN, 1.5)]
    nationality = 'CHN'
  } else if (r < 0.75) {
    parts = [g.skewed(LAO_GIVEN), g.skewed(LAO_SURNAMES)]
    nationality = 'LAO'
  } else {
    parts = [g.skewed(WEST_GIVEN, 1.5), g.skewed(WEST_SURNAMES, 1.5)]
    if (g.random() < 0.3) parts.splice(1, 0, g.skewed(WEST_GIVEN, 1.5))
    nationality = g.uniform([
      'USA',
      'FRA',
      'DEU',
      'GBR',
      'RUS',
      'IND',
      'KOR',
      'JPN',
      'PHL',
      'IDN',
      'MMR',
      'AUS',
    ])
  }
  const roll = g.random()
  if (roll < 0.1) parts[parts.length - 1] = invented(g)
  else if (roll < 0.18) {
    const i = Math.floor(g.random() * parts.length)
    parts[i] = misspell(parts[i]!, g.random)
  }
  const names = [parts.join(' ')]
  if (khmer) names.push(khmer)
  return { names, nationality, sex, birthDate }
}

/** `count` alert-list entries with ids `E0000001`…, deterministic for a seed. */
export function* syntheticEntries(count: number, seed = 1): Generator<IndexEntry & SyntheticPerson> {
  const g = generator(seed)
  for (let i = 1; i <= count; i++) {
    yield { id: `E${String(i).padStart(7, '0')}`, ...syntheticPerson(g) }
  }
}
