/**
 * Burmese names as their holders spell them in Latin letters. A Burmese name is a run of syllables
 * written without spaces (ကျော်ကျော်ခိုင်); its Latin spelling writes each syllable as a word ("Kyaw
 * Kyaw Khaing") by a convention of its own — neither MLCTS nor a letter-by-letter reading (which gives
 * "kyeakyeakhiun"). No npm library reads Burmese names (searched: none beyond fonts and phone numbers),
 * so the convention is written here from the public name tables the bench cites: a syllable is an
 * initial, medials, vowel signs and a final with asat, and the Latin rhyme depends on vowel and final
 * together (ိုင် -aing, ောင် -aung, ိန် -ein, ွန် -un), a creaky tone adding t after a nasal (မြင့် Myint).
 */

const CONSONANT = /[\u1000-\u1021\u103F]/
const INDEPENDENT_VOWEL = /[\u1023-\u102A]/
const ASAT = '\u103A'
const VIRAMA = '\u1039'

/** Initial consonants: the usual spelling first, then a common other one (Htun/Tun, Hsan/San). */
const INITIAL: Record<string, string[]> = {
  က: ['k', 'g'],
  ခ: ['kh', 'k'],
  ဂ: ['g'],
  ဃ: ['g'],
  င: ['ng'],
  စ: ['s', 'z'],
  ဆ: ['s', 'hs'],
  ဇ: ['z'],
  ဈ: ['z'],
  ဉ: ['ny'],
  ည: ['ny'],
  ဋ: ['t'],
  ဌ: ['ht', 't'],
  ဍ: ['d'],
  ဎ: ['d'],
  ဏ: ['n'],
  တ: ['t', 'd'],
  ထ: ['ht', 't'],
  ဒ: ['d'],
  ဓ: ['d'],
  န: ['n'],
  ပ: ['p', 'b'],
  ဖ: ['ph', 'hp'],
  ဗ: ['b'],
  ဘ: ['b'],
  မ: ['m'],
  ယ: ['y'],
  ရ: ['y', 'r'],
  လ: ['l'],
  ဝ: ['w'],
  သ: ['th', 't'],
  ဟ: ['h'],
  ဠ: ['l'],
  အ: [''],
  ဿ: ['th'],
}

const INDEPENDENT: Record<string, string[]> = {
  ဣ: ['i'],
  ဤ: ['i'],
  ဥ: ['u', 'oo'],
  ဦ: ['oo', 'u'],
  ဧ: ['ay', 'e'],
  ဩ: ['aw'],
  ဪ: ['aw'],
}

/** Rhymes by vowel signs (ာ a, ိ i, ီ ii, ု u, ူ uu, ေ e, ဲ ai, ံ m) and final consonant; `*` = any vowel. */
const RHYME: Record<string, string[]> = {
  '': ['a', 'ar'],
  a: ['a', 'ar'],
  i: ['i'],
  ii: ['i', 'ee'],
  u: ['u'],
  uu: ['u', 'oo'],
  e: ['ay', 'e'],
  ai: ['e', 'ae'],
  ea: ['aw'],
  iu: ['o', 'oe'],
  m: ['an'],
  um: ['one', 'on'],
  'k:': ['et'],
  'k:ea': ['auk'],
  'k:iu': ['aik', 'ike'],
  'k:i': ['eik'],
  'k:u': ['ok'],
  'n:': ['in'],
  'n:ea': ['aung'],
  'n:iu': ['aing'],
  's:': ['it'],
  'y:': ['i', 'ee'],
  'ny:': ['in'],
  't:': ['at'],
  't:i': ['eik', 'ate'],
  't:u': ['ote', 'ut'],
  'nn:': ['an'],
  'nn:i': ['ein'],
  'nn:u': ['one', 'ohn'],
  'p:': ['at', 'ap'],
  'p:i': ['eik'],
  'p:u': ['oke'],
  'm:': ['an'],
  'm:i': ['ein'],
  'm:u': ['one'],
  'ye:': ['e', 'ay'],
}

const VOWEL_SIGN: Record<string, string> = {
  '\u102B': 'a',
  '\u102C': 'a',
  '\u102D': 'i',
  '\u102E': 'ii',
  '\u102F': 'u',
  '\u1030': 'uu',
  '\u1031': 'e',
  '\u1032': 'ai',
  '\u1036': 'm',
}

/** Final consonants by the rhyme they make (ဏ reads as န, ဋ as တ). */
const FINAL: Record<string, string> = {
  က: 'k',
  ဂ: 'k',
  င: 'n',
  စ: 's',
  ည: 'y',
  ဉ: 'ny',
  တ: 't',
  ဋ: 't',
  ဒ: 't',
  န: 'nn',
  ဏ: 'nn',
  ပ: 'p',
  ဗ: 'p',
  မ: 'm',
  ယ: 'ye',
}

/** A consonant followed by asat or virama (the creaky-tone dot may come between: င့်) closes a syllable. */
function isFinal(chars: string[], i: number): boolean {
  const next = chars[i + 1] === '\u1037' ? chars[i + 2] : chars[i + 1]
  return next === ASAT || next === VIRAMA
}

/** Cuts a run of Burmese letters into syllables: a consonant starts one unless asat or virama makes it a final. */
export function burmeseSyllables(text: string): string[] {
  const chars = [...text]
  const out: string[] = []
  let current = ''
  chars.forEach((c, i) => {
    const starts = (CONSONANT.test(c) && !isFinal(chars, i)) || INDEPENDENT_VOWEL.test(c)
    if (starts && current) {
      out.push(current)
      current = ''
    }
    current += c
  })
  if (current) out.push(current)
  return out
}

interface Syllable {
  initials: string[]
  rhymes: string[]
}

/** The initial and rhyme spellings of one syllable, the usual ones first. */
function readSyllable(syllable: string): Syllable | undefined {
  const chars = [...syllable]
  const first = chars[0]!
  if (INDEPENDENT[first]) return { initials: [''], rhymes: INDEPENDENT[first] }
  let initials = INITIAL[first]
  if (!initials) return undefined
  const has = (c: string) => chars.includes(c)
  const medialY = has('\u103B') || has('\u103C')
  const medialW = has('\u103D') || first === 'ဝ'
  const medialH = has('\u103E')
  let vowels = ''
  let final = ''
  chars.forEach((c, i) => {
    if (VOWEL_SIGN[c]) vowels += VOWEL_SIGN[c]
    else if (i > 0 && isFinal(chars, i) && FINAL[c]) final = FINAL[c]
  })
  if (vowels === 'ui') vowels = 'iu'
  const creaky = has('\u1037') && /^(n|nn|m)$/.test(final)
  let rhymes = RHYME[final ? `${final}:${vowels === 'm' ? '' : vowels}` : vowels] ?? RHYME[vowels] ?? ['a']
  if (medialW) {
    // ွန် Htun, ွတ် Htut: the w is the vowel; elsewhere it stays (ွင် Lwin, ွေ Shwe, ွယ် Nwe, ွာ Zwa).
    if ((final === 'nn' || final === 't') && !vowels) rhymes = final === 'nn' ? ['un'] : ['ut']
    else if (vowels === 'e') rhymes = ['we', 'way']
    else rhymes = rhymes.map((r) => `w${r}`)
    if (first === 'ဝ') initials = ['']
  }
  if (creaky) rhymes = rhymes.map((r) => `${r}t`)
  if (first === 'အ' && vowels === 'e') rhymes = ['aye', 'ay', 'e']
  if (first === 'အ' && vowels === 'i') rhymes = ['ei', 'i']
  if (first === 'အ' && final === 'nn' && vowels === 'u') rhymes = ['ohn', 'on', 'one']
  if (medialY) {
    const withY: Record<string, string> = { kh: 'ch', ng: 'ny', y: 'y', r: 'y' }
    initials = initials.map((x) => withY[x] ?? `${x}y`)
    if (first === 'က') initials = ['ky', 'gy', 'j']
  }
  if (medialH) initials = first === 'ရ' || first === 'ယ' ? ['sh'] : initials.map((x) => `h${x}`)
  return { initials, rhymes }
}

/**
 * Latin spellings of a Burmese word of one or more syllables: the usual one, then one with each
 * syllable's other spelling. A single syllable gets all of its spellings.
 */
export function readBurmese(text: string): string[] {
  const syllables = burmeseSyllables(text).map(readSyllable)
  if (syllables.length === 0 || syllables.some((s) => s === undefined)) return []
  const read = syllables as Syllable[]
  if (read.length === 1) {
    const [{ initials, rhymes }] = read as [Syllable]
    return [...new Set(rhymes.flatMap((r) => initials.map((x) => x + r)))]
  }
  const spell = (initial: number, rhyme: number) =>
    read.map((s) => (s.initials[initial] ?? s.initials[0]!) + (s.rhymes[rhyme] ?? s.rhymes[0]!)).join('')
  return [...new Set([spell(0, 0), spell(1, 0), spell(0, 1)])]
}
