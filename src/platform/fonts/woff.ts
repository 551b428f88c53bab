import { inflateSync } from 'node:zlib'

/**
 * WOFF 1.0 (W3C Recommendation, 2012) → the plain OpenType file it wraps: HarfBuzz reads sfnt only, and Fontsource
 * ships Noto Sans Khmer as WOFF. Each table is zlib-compressed when that made it smaller (§5); the sfnt header
 * and table directory are rebuilt around the inflated tables, 4-byte aligned, with the checksums WOFF kept.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file')
  const flavor = woff.readUInt32BE(4)
  const numTables = woff.readUInt16BE(12)
  if (44 + numTables * 20 > woff.length) throw new Error('WOFF table directory is cut short')
  const header = Buffer.alloc(12 + 16 * numTables)
  header.writeUInt32BE(flavor, 0)
  header.writeUInt16BE(numTables, 4)
  // searchRange, entrySelector and rangeShift (OpenType §"Table directory"), for readers that binary-search.
  const entrySelector = Math.floor(Math.log2(numTables))
  header.writeUInt16BE(2 ** entrySelector * 16, 6)
  header.writeUInt16BE(entrySelector, 8)
  header.writeUInt16BE(numTables * 16 - 2 ** entrySelector * 16, 10)
  const parts: Buffer[] = [header]
  let offset = header.length
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20
    const at = woff.readUInt32BE(entry + 4)
    const compLength = woff.readUInt32BE(entry + 8)
    const origLength = woff.readUInt32BE(entry + 12)
    if (at + compLength > woff.length) throw new Error('WOFF table is cut short')
    const raw = woff.subarray(at, at + compLength)
    const data = compLength < origLength ? inflateSync(raw, { maxOutputLength: origLength }) : raw
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length')
    const row = 12 + i * 16
    header.writeUInt32BE(woff.readUInt32BE(entry), row)
    header.writeUInt32BE(woff.readUInt32BE(entry + 16), row + 4)
    header.writeUInt32BE(offset, row + 8)
    header.writeUInt32BE(origLength, row + 12)
    const padding = (4 - (data.length % 4)) % 4
    parts.push(data, Buffer.alloc(padding))
    offset += data.length + padding
  }
  return Buffer.concat(parts)
}
