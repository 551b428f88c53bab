/**
 * Cyrillic → Latin after ICAO Doc 9303 Part 3 (the MRZ table), so a Russian or Ukrainian alias meets
 * the passport spelling. Language-specific readings (Ukrainian Г = H, И = Y) are left to the fuzzy
 * comparison rather than guessed here.
 */
const TABLE: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  ѕ: 'dz',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  ќ: 'kj',
  ѓ: 'gj',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  џ: 'dz',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
}

const CYRILLIC = /[\u0400-\u04FF]/

export function transliterateCyrillic(word: string): string {
  if (!CYRILLIC.test(word)) return word
  let out = ''
  for (const ch of word.toLowerCase()) out += TABLE[ch] ?? ch
  return out
}
