/** Where the code goes in a translated text: an interpolated value that cannot occur in any message. */
export const CODE_HOLE = '\u0000'

/**
 * A translated text with a code (a username, a rule set version) in its place, marked as the code it is: never
 * translated, and not Khmer text for readers or the Khmer walk. `text` is `t(key, { name: CODE_HOLE })`.
 */
export function WithCode({ text, code }: { text: string; code: string }) {
  const [before, after] = text.split(CODE_HOLE)
  return (
    <>
      {before}
      <span translate="no">{code}</span>
      {after}
    </>
  )
}
