/**
 * A file refused while it was read: too large, too deep, not what it claims to be. It carries a stable code and
 * the line (or row) where reading stopped, and crosses the worker boundary as plain data (`toData`/`fromData`).
 */
export class FileRefused extends Error {
  readonly code: string
  readonly line: number
  readonly params: Record<string, string | number>

  constructor(code: string, line = 0, params: Record<string, string | number> = {}) {
    super(code)
    this.name = 'FileRefused'
    this.code = code
    this.line = line
    this.params = params
  }

  toData() {
    return { name: this.name, code: this.code, line: this.line, params: this.params }
  }
}

/** Limits every import reader applies while it reads, so no file can make one use unbounded memory or time. */
export interface ReadLimits {
  /** Bytes after decompression (an XLSX sheet and its strings; a gzip-compressed upload). */
  maxInflatedBytes: number
  /** Records: rows of a table, entries of a list. */
  maxRows: number
  /** Characters of one line, one record or one XML text run. */
  maxLineChars: number
}

/**
 * Refuses a text stream as soon as it holds a run longer than `max` characters without `stop` (a newline for line
 * formats, `<` for XML), before a parser buffers it: 300 MiB of spaces is refused after the first `max` characters.
 */
export function runGuard(stop: string, max: number) {
  let run = 0
  let line = 1
  return (text: string) => {
    let from = 0
    for (let i = text.indexOf(stop); i >= 0; i = text.indexOf(stop, i + 1)) {
      if (run + (i - from) > max) throw new FileRefused('line_too_long', line, { max })
      run = 0
      from = i + 1
      if (stop === '\n') line++
    }
    run += text.length - from
    if (run > max) throw new FileRefused('line_too_long', line, { max })
  }
}
