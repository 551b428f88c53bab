import type { ReactNode } from 'react'
import type { MrzIssue } from './types.ts'

interface Mark {
  start: number
  end: number
  title: string
  kind: 'error' | 'change'
}

/** One line with its marked runs: errors as `<mark>`, proposed changes as `<ins>`. */
function markedLine(line: string, marks: Mark[]): ReactNode[] {
  const out: ReactNode[] = []
  let at = 0
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(m.start, at)
    if (start >= m.end) continue
    if (start > at) out.push(line.slice(at, start))
    const text = line.slice(start, m.end) || ' '
    out.push(
      m.kind === 'error' ? (
        <mark key={start} className="mrz-error" title={m.title}>
          {text}
        </mark>
      ) : (
        <ins key={start} className="mrz-change" title={m.title}>
          {text}
        </ins>
      ),
    )
    at = m.end
  }
  if (at < line.length) out.push(line.slice(at))
  return out
}

/** The MRZ in the reader's font, with the characters each error points at highlighted. */
export function MrzLines({
  lines,
  errors = [],
  changes = [],
  label,
}: {
  lines: string[]
  errors?: MrzIssue[]
  changes?: { line: number; index: number; message: string }[]
  label: string
}) {
  return (
    <figure className="mrz-figure">
      <figcaption className="visually-hidden">{label}</figcaption>
      <pre className="mrz-lines" translate="no">
        {lines.map((line, n) => {
          const marks: Mark[] = [
            ...errors
              .filter((e) => e.line === n && e.start !== null && e.end !== null)
              .map((e) => ({ start: e.start!, end: e.end!, title: e.message, kind: 'error' as const })),
            ...changes
              .filter((c) => c.line === n)
              .map((c) => ({ start: c.index, end: c.index + 1, title: c.message, kind: 'change' as const })),
          ]
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: MRZ lines are positional
            <div key={n} className="mrz-line" data-line={n}>
              {markedLine(line, marks)}
            </div>
          )
        })}
      </pre>
    </figure>
  )
}
