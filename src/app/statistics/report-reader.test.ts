import { describe, expect, it } from 'vitest'
import type { ChartSpec } from './report-charts.ts'
import { type ReportDocument, renderReportPdf } from './report-pdf.ts'
import { inkPerPage, pdfLayoutText, pdfText, pdfWords, type WordBox } from './report-reader.testing.ts'

// The words the reader check found broken in the charts (issue 15), and post names that share a prefix.
const KHMER_WORDS = ['កម្ពុជា', 'ការចូល', 'ស្រី', 'ប្រុស', 'បន្ទាយមានជ័យ', 'ភ្នំពេញ', 'កំពង់ចាម']
const KHMER_POSTS = ['ច្រកអន្តរជាតិបាវិត', 'ច្រកអន្តរជាតិប៉ោយប៉ែត', 'ច្រកអន្តរជាតិចាំយាម', 'ច្រកអន្តរជាតិអូរស្មាច់']
const ENGLISH_POSTS = [
  'Preah Sihanouk Autonomous Port',
  'Prek Chak International Checkpoint',
  'Kaam Samnor International Checkpoint (Mekong River)',
  'Poipet International Checkpoint',
]

function bars(categories: string[], name: string): ChartSpec {
  return {
    kind: 'bar',
    horizontal: true,
    categories,
    series: [{ name, values: categories.map((_, i) => 10 + i) }],
  }
}

function report(locale: 'en' | 'km'): ReportDocument {
  const km = locale === 'km'
  const posts = km ? KHMER_POSTS : ENGLISH_POSTS
  const total = km ? 'សរុប' : 'Total'
  return {
    locale,
    title: km ? 'ស្ថិតិព្រំដែន' : 'Border statistics',
    subtitle: km ? 'ច្រកព្រំដែនទាំងអស់' : 'All points of entry',
    footer: km ? 'សញ្ញា (–) បង្ហាញចំនួនដែលបានលាក់។' : 'A dash (–) marks a withheld count.',
    noData: km ? 'គ្មានកំណត់ត្រាក្នុងខែនេះទេ។' : 'No records this month.',
    numberFormat: (n) => String(n),
    sections: [
      {
        title: km ? 'ការឆ្លងកាត់តាមច្រកព្រំដែន' : 'Crossings by point of entry',
        chart: bars(posts, km ? 'ការចូល' : 'Entries'),
        table: {
          headings: [km ? 'ច្រក' : 'Post', km ? 'ចំនួន' : 'Count'],
          rows: [...posts.map((p) => [p, '10']), [total, '46']],
        },
      },
      {
        title: km ? 'ពាក្យ' : 'Words',
        chart: {
          kind: 'bar',
          horizontal: true,
          stacked: true,
          categories: KHMER_WORDS,
          series: [
            { name: 'ស្រី', values: KHMER_WORDS.map(() => 3) },
            { name: 'ប្រុស', values: KHMER_WORDS.map(() => 4) },
          ],
        },
        table: { headings: ['ពាក្យ', 'ចំនួន'], rows: KHMER_WORDS.map((w) => [w, '7']) },
      },
      {
        title: km ? 'ទទេ' : 'Nothing to show',
        chart: { kind: 'bar', categories: ['0-4', '5-11'], series: [{ name: 'n', values: [null, null] }] },
      },
    ],
  }
}

const overlaps = (a: WordBox, b: WordBox) =>
  a.page === b.page &&
  a.xMin < b.xMax - 0.5 &&
  b.xMin < a.xMax - 0.5 &&
  a.yMin < b.yMax - 0.5 &&
  b.yMin < a.yMax - 0.5

describe('the report as its readers get it (pdftotext, pdftoppm)', () => {
  it('gives back every Khmer word of the charts and tables whole and in reading order', async () => {
    const pdf = await renderReportPdf(report('km'))
    const text = pdfText(pdf)
    const tokens = text.split(/\s+/)
    // Once as a chart label and once as a table cell: no mark dropped, no letter reordered, no label cut.
    for (const word of [...KHMER_WORDS, ...KHMER_POSTS])
      expect(tokens.filter((t) => t === word).length, word).toBeGreaterThanOrEqual(2)
    // The legend names and the mixed-script footer come back too.
    expect(text).toContain('សញ្ញា (–) បង្ហាញចំនួនដែលបានលាក់។')
    // Pasted from the page layout, a post name is still whole.
    for (const post of KHMER_POSTS) expect(pdfLayoutText(pdf)).toContain(post)
  })

  it.each(['en', 'km'] as const)(
    'in %s, prints no word over another and keeps every label inside the page margins',
    async (locale) => {
      const pdf = await renderReportPdf(report(locale))
      const words = pdfWords(pdf)
      expect(words.length).toBeGreaterThan(30)
      const clashes = words.flatMap((a, i) =>
        words
          .slice(i + 1)
          .filter((b) => overlaps(a, b))
          .map((b) => `${a.text} × ${b.text}`),
      )
      expect(clashes).toEqual([])
      // A4 is 595 pt wide and the margins are 50 pt: a label clipped at the chart's left edge starts before 50.
      for (const w of words) {
        expect(w.xMin, w.text).toBeGreaterThanOrEqual(49.5)
        expect(w.xMax, w.text).toBeLessThanOrEqual(595 - 49.5)
      }
    },
  )

  it('writes a long English post name whole, wrapped within its table cell and its chart label', async () => {
    const text = pdfText(await renderReportPdf(report('en'))).replace(/\s+/g, ' ')
    expect(text.split('Kaam Samnor International Checkpoint (Mekong River)').length - 1).toBe(2)
  })

  it('says there is nothing to show instead of drawing empty axes', async () => {
    const pdf = await renderReportPdf(report('en'))
    const lines = pdfText(pdf).split('\n')
    expect(lines).toContain('No records this month.')
    // The empty chart's category labels (its axis) are not drawn.
    expect(lines.some((l) => l.includes('5-11'))).toBe(false)
  })

  it('renders every page with pdftoppm, none of them blank', async () => {
    const ink = inkPerPage(await renderReportPdf(report('km')))
    expect(ink.length).toBeGreaterThanOrEqual(1)
    for (const share of ink) expect(share).toBeGreaterThan(0.005)
  })
})
