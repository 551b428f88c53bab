import anyAscii from 'any-ascii'

/**
 * Korean names: `any-ascii` reads Hangul in the Revised Romanization (김정은 → Gim Jeong Eun), but
 * passports and lists spell surnames by custom (Kim, Lee, Park) and North Korean names in
 * McCune–Reischauer (Kim Jong Un, Ri, Pak). The surname spellings below are the usual passport forms
 * (Korean passport applicants' choices as reported in research §3.4, e.g. 채 Chae/Chai/Chea);
 * the given name gets its Revised and McCune–Reischauer-like readings.
 */
const SURNAMES: Record<string, string[]> = {
  김: ['kim'],
  이: ['lee', 'yi', 'ri', 'rhee'],
  리: ['ri', 'lee'],
  박: ['park', 'pak', 'bak'],
  최: ['choi', 'choe'],
  정: ['jung', 'jeong', 'chung', 'jong'],
  강: ['kang'],
  조: ['cho', 'jo'],
  윤: ['yoon', 'yun'],
  장: ['jang', 'chang'],
  임: ['lim', 'im', 'rim'],
  림: ['rim', 'lim'],
  한: ['han'],
  오: ['oh', 'o'],
  서: ['seo', 'suh', 'so'],
  신: ['shin', 'sin'],
  권: ['kwon', 'gwon'],
  황: ['hwang'],
  안: ['ahn', 'an'],
  송: ['song'],
  류: ['ryu', 'yoo', 'yu'],
  유: ['yoo', 'yu'],
  홍: ['hong'],
  전: ['jeon', 'jun', 'chon', 'chun'],
  고: ['ko', 'go'],
  문: ['moon', 'mun'],
  손: ['son'],
  양: ['yang'],
  배: ['bae', 'pae'],
  백: ['baek', 'paek'],
  허: ['heo', 'hur', 'ho'],
  노: ['noh', 'roh', 'no'],
  로: ['ro', 'roh'],
  남: ['nam'],
  심: ['shim', 'sim'],
  하: ['ha'],
  주: ['joo', 'ju', 'chu'],
  구: ['koo', 'ku', 'gu'],
  곽: ['kwak'],
  성: ['sung', 'seong', 'song'],
  차: ['cha'],
  우: ['woo', 'u'],
  민: ['min'],
  진: ['jin', 'chin'],
  지: ['ji', 'chi'],
  엄: ['um', 'eom'],
  채: ['chae', 'chai', 'chea'],
  원: ['won'],
  천: ['cheon', 'chun'],
  현: ['hyun', 'hyon'],
  변: ['byun', 'pyon'],
  염: ['yeom', 'yom'],
  석: ['seok', 'sok'],
  길: ['gil', 'kil'],
  방: ['bang', 'pang'],
  공: ['kong', 'gong'],
  표: ['pyo'],
  명: ['myung', 'myong'],
  라: ['ra', 'na'],
}

/** Revised Romanization → McCune–Reischauer-like, per syllable: eo/eu as o/u, initials unvoiced. */
function mcCune(syllable: string): string {
  return syllable
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/^g/, 'k')
    .replace(/^d/, 't')
    .replace(/^b/, 'p')
    .replace(/^j/, 'ch')
    .replace(/^si/, 'shi')
}

/** Each syllable on its own: a whole-word reading applies liaison (석열 "seogyeol"), passports do not (Suk Yeol). */
function syllables(text: string): string[] {
  return [...text].map((ch) => anyAscii(ch).toLowerCase()).filter((s) => /^[a-z]+$/.test(s))
}

/** Passport spellings of one syllable: Revised (Seok), older eo as u (Suk) or o (Sok). */
function syllableSpellings(rr: string): string[] {
  return [...new Set([rr, rr.replace(/eo/g, 'u'), rr.replace(/eo/g, 'o').replace(/eu/g, 'u')])]
}

/** Every combination of syllable spellings, for given names of up to three syllables. */
function combinations(parts: string[]): string[] {
  if (parts.length > 3) return [parts.join('')]
  let out = ['']
  for (const p of parts) out = out.flatMap((prefix) => syllableSpellings(p).map((s) => prefix + s))
  return out
}

/** One syllable may be a surname: its passport spellings come first. */
export function hangulReadings(text: string): { forms: string[]; display: string } {
  const parts = syllables(text)
  const surname = parts.length === 1
  const revised = parts.join('')
  const mr = parts.map(mcCune).join('')
  // The second syllable keeps a voiced initial in McCune–Reischauer too (Jong-un, not Chong-un).
  const mrFirstOnly = parts.map((p, i) => (i === 0 ? mcCune(p) : p.replace(/eo/g, 'o').replace(/eu/g, 'u')))
  const forms = [
    ...(surname ? (SURNAMES[text] ?? []) : []),
    revised,
    mr,
    mrFirstOnly.join(''),
    ...combinations(parts),
  ]
  const display = parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(surname ? '' : '-')
  return { forms, display }
}
