/**
 * The version of everything that turns a name into what the candidate index stores: how a name is split into
 * words (`name-parts.ts`, `normalise.ts`), which spellings a word has (ICAO transliteration, Khmer
 * romanisation, other scripts' readings in `transliterate.ts`, `hangul.ts`, consonant skeletons in
 * `skeleton.ts`) and their variant keys (`variants.ts`), and the index's own use of them (`vocabulary.ts`).
 *
 * A persisted index (`app/screening/index-snapshot.ts`) records this number and is thrown away for a rebuild
 * from the database when it differs. **Bump it with any change to that code that can change a key or a
 * word** — otherwise a restarted server would keep screening with the keys of the release before.
 */
// 2: names in other scripts get their Latin readings and consonant skeletons, x/ks variants (issue 19).
// 3: Burmese names cut into syllables and read by their Latin convention (`burmese.ts`), not letter by letter;
//    Arabic presentation forms read as their letters.
export const NAME_KEY_VERSION = 3
