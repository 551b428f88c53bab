import type { Specimen } from './specimen.ts'

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const TITLE = { TD3: 'PASSPORT', TD1: 'IDENTITY CARD', VISA: 'VISA' } as const

/** Printed dates on ICAO data pages read `12 AUG 1974`, the same in every language. */
function printedDate(day: string): string {
  const [y, m, d] = day.split('-')
  return `${d} ${MONTHS[Number(m) - 1]} ${y}`
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * The data page of a specimen as SVG: the visual inspection zone (labelled fields, a placeholder portrait, the
 * word SPECIMEN across it) above the MRZ in a monospaced face. Every value is escaped; the labels are the
 * specimen state's own (English), as a real page carries its issuer's language, not the reader's.
 */
export function renderDataPage(s: Specimen): string {
  const p = s.printed
  const width = s.kind === 'TD1' ? 640 : 880
  const mrzTop = s.kind === 'TD1' ? 330 : 360
  const height = mrzTop + s.mrz.length * 34 + 20
  const fields: [string, string][] = [
    ['Type / Code', `${p.documentCode} · ${p.issuingState}`],
    ['Document No.', p.documentNumber],
    ['Surname', p.surname],
    ['Given names', p.givenNames],
    ['Nationality', p.nationality],
    ['Date of birth', printedDate(p.birthDate)],
    ['Sex', p.sex],
    ['Place of birth', p.placeOfBirth],
    ['Date of issue', printedDate(p.issueDate)],
    [s.kind === 'VISA' ? 'Valid until' : 'Date of expiry', printedDate(p.expiryDate)],
  ]
  const columns = s.kind === 'TD1' ? 1 : 2
  const perColumn = Math.ceil(fields.length / columns)
  const text = fields
    .map(([label, value], i) => {
      const x = 220 + Math.floor(i / perColumn) * 320
      const y = 90 + (i % perColumn) * 48
      return (
        `<text x="${x}" y="${y}" class="label">${esc(label)}</text>` +
        `<text x="${x}" y="${y + 20}" class="value" data-field="${i}">${esc(value)}</text>`
      )
    })
    .join('')
  const mrz = s.mrz
    .map((line, i) => `<text x="24" y="${mrzTop + 30 + i * 34}" class="mrz">${esc(line)}</text>`)
    .join('')
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`${TITLE[s.kind]} SPECIMEN UTOPIA`)}">`,
    '<style>.label{font:12px sans-serif;fill:#4b5563}.value{font:bold 17px sans-serif;fill:#111827}',
    '.mrz{font:22px "OCR B","OCR-B",monospace;letter-spacing:2px;fill:#111}.title{font:bold 20px sans-serif;fill:#1e3a8a}</style>',
    `<rect width="${width}" height="${height}" rx="14" fill="#eef2f7" stroke="#94a3b8"/>`,
    `<text x="24" y="40" class="title">UTOPIA · ${TITLE[s.kind]}</text>`,
    '<rect x="24" y="70" width="170" height="220" fill="#cbd5e1"/>',
    '<circle cx="109" cy="140" r="42" fill="#94a3b8"/><rect x="49" y="195" width="120" height="95" rx="50" fill="#94a3b8"/>',
    text,
    `<rect x="0" y="${mrzTop}" width="${width}" height="${height - mrzTop}" fill="#fff" opacity="0.7"/>`,
    mrz,
    `<text x="${width / 2}" y="${mrzTop / 2 + 40}" text-anchor="middle" transform="rotate(-18 ${width / 2} ${mrzTop / 2})" style="font:bold 64px sans-serif;fill:#dc2626;opacity:0.18">SPECIMEN</text>`,
    '</svg>',
  ].join('')
}
