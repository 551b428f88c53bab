import { strToU8, Zip, ZipDeflate } from 'fflate'

const MiB = 1024 * 1024

/** A zip built as a stream, so a test can make a bomb of hundreds of MiB without ever holding it inflated. */
function zipOf(entries: [name: string, parts: Iterable<Uint8Array>][]): Buffer {
  const out: Uint8Array[] = []
  const zip = new Zip((err, data) => {
    if (err) throw err
    out.push(data)
  })
  for (const [name, parts] of entries) {
    const file = new ZipDeflate(name, { level: 9 })
    zip.add(file)
    for (const part of parts) file.push(part)
    file.push(new Uint8Array(0), true)
  }
  zip.end()
  return Buffer.concat(out)
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>`
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`
/** The header row of a return list, as inline strings. */
export const HEADER_ROW = `<row r="1">${['family_name', 'given_name', 'sex', 'age'].map((h, i) => inline(`${'ABCD'[i]}1`, h)).join('')}</row>`

/** An XLSX workbook whose first sheet is the given XML, streamed in parts (`sheetData` content between). */
export function xlsxWithSheet(sheetData: Iterable<Uint8Array>): Buffer {
  const head = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  )
  const tail = strToU8('</sheetData></worksheet>')
  return zipOf([
    ['[Content_Types].xml', [strToU8(CONTENT_TYPES)]],
    ['xl/workbook.xml', [strToU8(WORKBOOK)]],
    ['xl/_rels/workbook.xml.rels', [strToU8(RELS)]],
    ['xl/worksheets/sheet1.xml', [head, ...sheetData, tail]],
  ])
}

/** `mib` MiB of one repeated text, as 1 MiB parts. */
export function* repeated(text: string, mib: number): Generator<Uint8Array> {
  const part = strToU8(text.repeat(Math.ceil(MiB / text.length)).slice(0, MiB))
  for (let i = 0; i < mib; i++) yield part
}

/** The issue's workbook: a header row, then `mib` MiB of spaces (300 MiB zip to about 300 KB). */
export const spacesBomb = (mib: number) => xlsxWithSheet([strToU8(HEADER_ROW), ...repeated(' ', mib)])

/** A sheet of `mib` MiB of empty elements: no long text run, only size, so only the inflated-bytes cap stops it. */
export const commentBomb = (mib: number) => xlsxWithSheet([strToU8(HEADER_ROW), ...repeated('<x/>', mib)])

/** A valid workbook of `rows` data rows under the return-list header. */
export function xlsxRows(rows: number, from = 2): Buffer {
  function* parts() {
    yield strToU8(HEADER_ROW)
    for (let r = from; r < from + rows; r++)
      yield strToU8(
        `<row r="${r}">${inline(`A${r}`, 'Keo')}${inline(`B${r}`, `Person ${r}`)}${inline(`C${r}`, 'F')}<c r="D${r}"><v>${20 + (r % 40)}</v></c></row>`,
      )
  }
  return xlsxWithSheet(parts())
}

/** A real PNG header (signature, IHDR with its CRC) for an image of any size, with no pixels behind it. */
export function pngOf(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from('78da63000000010001', 'hex')),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A JPEG start (SOI, JFIF APP0) with a baseline frame header claiming `width`×`height`. */
export function jpegOf(width: number, height: number): Buffer {
  const app0 = Buffer.from('ffe000104a46494600010100000100010000', 'hex')
  const sof = Buffer.alloc(19)
  sof.set([0xff, 0xc0, 0x00, 0x11, 0x08], 0)
  sof.writeUInt16BE(height, 5)
  sof.writeUInt16BE(width, 7)
  sof.set([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1], 9)
  return Buffer.concat([Buffer.from('ffd8', 'hex'), app0, sof, Buffer.from('ffd9', 'hex')])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}
