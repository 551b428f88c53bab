import { describe, expect, it } from 'vitest'
import { documentTitle, outlineTitles, pageCount } from './report-outline.testing.ts'
import { type ReportDocument, renderReportPdf } from './report-pdf.ts'

function report(locale: 'en' | 'km'): ReportDocument {
  const km = locale === 'km'
  return {
    locale,
    compress: false,
    title: km ? 'ស្ថិតិព្រំដែន — 2025-10' : 'Border statistics — 2025-10',
    subtitle: km ? 'ច្រកព្រំដែនទាំងអស់' : 'All points of entry',
    footer: km ? 'សញ្ញា (–) បង្ហាញចំនួនដែលបានលាក់។ ε = 0.5' : 'A dash (–) marks a withheld count. ε = 0.5',
    numberFormat: (n) => String(n),
    sections: [
      { title: km ? 'សេចក្តីសង្ខេប' : 'Summary', figures: [{ label: km ? 'ការចូល' : 'Entries', value: '1234' }] },
      {
        title: km ? 'ការឆ្លងកាត់តាមខែ' : 'Crossings by month',
        chart: {
          kind: 'bar',
          categories: ['2025-09', '2025-10'],
          series: [
            { name: 'entry', values: [120, null] },
            { name: 'exit', values: [98, 40] },
          ],
        },
        table: {
          headings: ['Month', 'Entries', 'Exits'],
          rows: [
            ['2025-09', '120', '98'],
            ['2025-10', '–', '40'],
          ],
        },
      },
      {
        // Phnom Penh and Kampong Cham: the nikahit (ំ) that fontkit could not position without the fix.
        title: km ? 'អ្នកវិលត្រឡប់តាមខេត្ត' : 'Returnees by province',
        chart: {
          kind: 'bar',
          horizontal: true,
          categories: ['ភ្នំពេញ', 'កំពង់ចាម'],
          series: [{ name: 'n', values: [30, 12] }],
        },
        paragraphs: [km ? 'កើត ស្រី ខ្មែរ ចំនួន' : 'Counts from 1 to 9 are withheld.'],
      },
    ],
  }
}

describe('the report PDF', () => {
  it.each(['en', 'km'] as const)(
    'is a PDF in %s with a bookmark per section and its charts drawn as vectors',
    async (locale) => {
      const pdf = await renderReportPdf(report(locale))
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF')
      expect(documentTitle(pdf)).toBe(report(locale).title)
      expect(outlineTitles(pdf)).toEqual(report(locale).sections.map((s) => s.title))
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(1)
      const content = pdf.toString('latin1')
      // ECharts draws bars as filled paths in the palette's first colour (#0072B2 = 0 0.447 0.698 as a PDF fill colour).
      expect(content).toMatch(/0 0\.447\d* 0\.698\d* scn/)
      // Fonts are embedded (Noto Sans Khmer subsets), not referenced.
      expect(content).toMatch(/\/FontFile2 \d+ 0 R/)
    },
  )
})
