/**
 * Reads a PDF's bookmark titles: each `/Title (…)` literal string, unescaped, decoded from UTF-16BE when it
 * starts with the byte order mark (how pdfkit writes non-Latin titles). Enough for the reports Passage makes.
 */
export function outlineTitles(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/Title \(((?:\\.|[^\\)])*)\)/gs)].map((m) =>
    decode(m[1] ?? ''),
  )
}

/** The document's title from its information dictionary, where pdfkit writes it as an object of its own. */
export function documentTitle(pdf: Buffer): string | undefined {
  const text = pdf.toString('latin1')
  const ref = /\/Title (\d+) 0 R/.exec(text)?.[1]
  const object = ref ? new RegExp(`\\n${ref} 0 obj\\n\\(((?:\\\\.|[^\\\\)])*)\\)`, 's').exec(text) : null
  return object ? decode(object[1] ?? '') : undefined
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }

function decode(literal: string): string {
  const raw = literal.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]+$/.test(e) ? String.fromCharCode(Number.parseInt(e, 8)) : (ESCAPES[e] ?? e),
  )
  const bytes = Buffer.from(raw, 'latin1')
  return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : raw
}

/** Pages in the document: each page object is `/Type /Page` (the page tree is `/Type /Pages`). */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
}
