import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The report read with the tools its readers use: Poppler's pdftotext (what copy, search and screen
 * readers get) and pdftoppm (what the page looks like). `.ci/run` installs Debian's poppler-utils; a
 * machine without them fails here rather than skipping the check.
 */
function withFile<T>(pdf: Buffer, read: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'passage-report-'))
  try {
    const file = join(dir, 'report.pdf')
    writeFileSync(file, pdf)
    return read(file, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text in content order (`-raw`), one drawn line per line. */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }))
}

/** The text as laid out on the page (`-layout`), the mode people paste from. */
export function pdfLayoutText(pdf: Buffer): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }))
}

export interface WordBox {
  page: number
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Every word Poppler finds, with its box in points from the top-left of its page. */
export function pdfWords(pdf: Buffer): WordBox[] {
  const xml = withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  )
  const words: WordBox[] = []
  xml.split(/<page /).forEach((page, p) => {
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ))
      words.push({
        page: p,
        text: (m[5] ?? '')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })
  })
  return words
}

/** Pages rendered to greyscale by pdftoppm: each page's share of non-white pixels (0 for a blank page). */
export function inkPerPage(pdf: Buffer): number[] {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', '30', '-gray', file, join(dir, 'page')])
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => {
        const pgm = readFileSync(join(dir, f))
        // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
        const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))
        const pixels = pgm.subarray(header?.[0].length ?? 0)
        let ink = 0
        for (const v of pixels) if (v < 200) ink++
        return ink / pixels.length
      })
  })
}
