/** The line lengths of a complete machine-readable zone: TD1 (3 × 30), TD2 / MRV-B (2 × 36), TD3 / MRV-A (2 × 44). */
const SHAPES: Record<number, number> = { 30: 3, 36: 2, 44: 2 }

/** The non-empty lines of what was typed, trimmed of what readers add around them. */
export function typedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
}

/**
 * True when the text already has the shape of a whole MRZ, so a reader's burst is over and the panel can
 * read at once instead of waiting for the pause that ends a paste or slow typing.
 */
export function looksComplete(text: string): boolean {
  const lines = typedLines(text)
  const width = lines[0]?.length ?? 0
  return SHAPES[width] === lines.length && lines.every((l) => l.length === width)
}
