/**
 * Variant keys: two spellings with the same key are treated as one name spelled two ways. The rules
 * collapse the differences romanisation produces in the region, not typos (those are the fuzzy
 * comparison's job):
 * - Khmer (UNGEGN vs passport spellings, DC-Cam conventions): aspirated h (Chhay/Chay, Khieu/Kieu,
 *   Sokh/Sok, Piseth/Piset), doubled finals (Phal/Phall, Sin/Sinn), vowel digraph families
 *   (ou/u, oeu/eu, ea/ia, ie/i, ao/o, ae/e, uo/u), final -h/-r after a vowel (Chea/Cheah, Sokha/Sokhar),
 *   r before a final consonant (Norng/Nong, Cheurn/Cheun), final v/u (Khiev/Khieu), y/i (Srey/Srei).
 * - Thai (RTGS vs self-chosen spellings): ph/p, th/t, kh/k, j/ch, v/w, oo/u, ee/i, final d/t,
 *   -orn/-on (Chulalongkorn/Chulalongkon), tch/ch.
 * - Vietnamese: diacritics and Đ are folded before this; the regional readings of one surname
 *   (Huỳnh/Hoàng, Võ/Vũ) share a key.
 * - Western: ck/k, c/k before a back vowel, doubled letters (Mohammed/Mohamed), x/ks after the first
 *   letter (Alexander/Aleksandr, the Cyrillic reading).
 */

/** Spellings of one surname or name that differ by region or convention, not by letters alone. */
const SAME_NAME: Record<string, string> = {
  huynh: 'hoang',
  vo: 'vu',
  muhammad: 'mohamed',
  muhammed: 'mohamed',
  mohammad: 'mohamed',
  mohammed: 'mohamed',
  mohamad: 'mohamed',
  mohamed: 'mohamed',
  mahomed: 'mohamed',
}

const RULES: [RegExp, string][] = [
  [/(?<=.)x/g, 'ks'],
  [/tch/g, 'ch'],
  [/chh/g, 'ch'],
  [/j/g, 'ch'],
  [/ck/g, 'k'],
  [/c(?=[aou]|$)/g, 'k'],
  [/([bdgkpt])h/g, '$1'],
  [/w/g, 'v'],
  [/y/g, 'i'],
  [/([aeiou])v$/g, '$1u'],
  [/oeu/g, 'eu'],
  [/ue/g, 'u'],
  [/oo|ou|uo/g, 'u'],
  [/ee|ie/g, 'i'],
  [/ea/g, 'ia'],
  [/ao/g, 'o'],
  [/ae/g, 'e'],
  [/([aeiou])r(?=[^aeiou]|$)/g, '$1'],
  [/([aeiou])h$/g, '$1'],
  [/d$/g, 't'],
  [/b$/g, 'p'],
  [/(ch)+/g, 'ch'],
  [/(.)\1+/g, '$1'],
]

/** The variant key of one folded (ASCII, lower-case) name part. */
export function variantKey(part: string): string {
  let key = SAME_NAME[part] ?? part
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement)
  return key.length > 0 ? key : part
}
