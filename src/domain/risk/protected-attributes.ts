/**
 * Attributes that can never be a risk indicator (ETIAS Art. 14 and 33(5) model; GDPR Art. 9 special categories).
 * Health is banned here because health data belongs to protection case work, not to border risk rules.
 * Names are matched by words, so `ethnicOrigin`, `ethnic_origin` and `traveller.religion` are all caught wherever
 * they appear in a path, and a context that happens to carry such a key still cannot be referenced.
 */
export const PROTECTED_ATTRIBUTES = [
  'ethnicity',
  'race',
  'religion',
  'political_opinion',
  'union_membership',
  'health',
  'sexual_life_or_orientation',
] as const
export type ProtectedAttribute = (typeof PROTECTED_ATTRIBUTES)[number]

const SINGLE_WORDS: Record<string, ProtectedAttribute> = {
  ethnicity: 'ethnicity',
  ethnic: 'ethnicity',
  ethnicities: 'ethnicity',
  tribe: 'ethnicity',
  tribal: 'ethnicity',
  caste: 'ethnicity',
  race: 'race',
  racial: 'race',
  skin: 'race',
  religion: 'religion',
  religious: 'religion',
  faith: 'religion',
  belief: 'religion',
  beliefs: 'religion',
  political: 'political_opinion',
  politics: 'political_opinion',
  unionmember: 'union_membership',
  health: 'health',
  medical: 'health',
  disability: 'health',
  hiv: 'health',
  diagnosis: 'health',
  pregnancy: 'health',
  pregnant: 'health',
  sexual: 'sexual_life_or_orientation',
  sexuality: 'sexual_life_or_orientation',
  orientation: 'sexual_life_or_orientation',
  lgbt: 'sexual_life_or_orientation',
  lgbtq: 'sexual_life_or_orientation',
}

// Word pairs whose parts are innocent alone ("party" appears in "third party", "union" in "European Union").
const WORD_PAIRS: Record<string, ProtectedAttribute> = {
  'political party': 'political_opinion',
  'party membership': 'political_opinion',
  'party affiliation': 'political_opinion',
  'trade union': 'union_membership',
  'union membership': 'union_membership',
  'union member': 'union_membership',
  'labour union': 'union_membership',
  'labor union': 'union_membership',
  'sex life': 'sexual_life_or_orientation',
  'gender identity': 'sexual_life_or_orientation',
  'skin colour': 'race',
  'skin color': 'race',
}

/** Splits `traveller.ethnicOrigin`, `trade_union` or `sex-life` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
}

/** The protected attribute a field name or path refers to, or null when it refers to none. */
export function protectedAttributeOf(name: string): ProtectedAttribute | null {
  const ws = words(name)
  for (let i = 0; i < ws.length; i++) {
    const single = SINGLE_WORDS[ws[i]!]
    if (single) return single
    const pair = i + 1 < ws.length ? WORD_PAIRS[`${ws[i]} ${ws[i + 1]}`] : undefined
    if (pair) return pair
  }
  return null
}
