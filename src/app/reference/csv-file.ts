import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const referenceDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'reference')

/** A small RFC 4180 reader for the shipped reference files (quoted fields, doubled quotes, no embedded newlines). */
export function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(referenceDir, name), 'utf8').split(/\r?\n/).filter(Boolean)
  const cols = splitCsvLine(header!)
  return lines.map((line) => {
    const cells = splitCsvLine(line)
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']))
  })
}

export function splitCsvLine(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}
