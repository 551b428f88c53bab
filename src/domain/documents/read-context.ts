import type { MrzDate } from './dates.ts'
import type { FormatLayout, MrzSpan } from './formats.ts'
import type { MrzResult } from './result.ts'

/** What the field readers share while they fill one result. */
export interface ReadContext {
  lines: string[]
  layout: FormatLayout
  reference: MrzDate
  allowSpecimen: boolean
  result: MrzResult
}

const FILLER = 60

export function text(ctx: ReadContext, span: MrzSpan): string {
  return ctx.lines[span.line]!.slice(span.start, span.end)
}

/** The field without its trailing fillers. */
export function trimmed(ctx: ReadContext, span: MrzSpan): string {
  const line = ctx.lines[span.line]!
  let end = span.end
  while (end > span.start && line.charCodeAt(end - 1) === FILLER) end--
  return line.slice(span.start, end)
}
