import { createReadStream } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fixtureFile } from '../../../test/fixtures.ts'
import { readCsv } from './csv-format.ts'
import { decodeUtf8 } from './decode.ts'
import { readFtm } from './ftm-format.ts'
import { readOfacSdn } from './ofac-sdn-format.ts'
import { type ImportItem, UnreadableFile } from './records.ts'
import { readUnXml } from './un-xml-format.ts'

async function* chunks(...parts: (string | Uint8Array)[]) {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p
}

const countries = (v: string) => ({ iraq: 'IRQ', ru: 'RUS', khm: 'KHM' })[v.toLowerCase()]

async function collect(items: AsyncIterable<ImportItem>): Promise<ImportItem[] | UnreadableFile> {
  const out: ImportItem[] = []
  try {
    for await (const i of items) out.push(i)
    return out
  } catch (err) {
    if (err instanceof UnreadableFile) return err
    throw err
  }
}

const text = (...parts: (string | Uint8Array)[]) => decodeUtf8(chunks(...parts), { maxBytes: 10_000 })

describe('import readers', () => {
  it('stop a file larger than the limit and name the line of a bad byte', async () => {
    const big = await collect(readCsv(text('id,names\n', 'x'.repeat(20_000)), countries))
    expect(big).toMatchObject({ code: 'too_large' })
    const bad = await collect(
      readCsv(text('id,names\nA,Sok\nB,', new Uint8Array([0xc3, 0x28]), '\n'), countries),
    )
    expect(bad).toMatchObject({ code: 'bad_encoding', line: 3 })
  })

  it('read a UTF-8 character split across two chunks', async () => {
    const kh = Buffer.from('ឆាយ')
    const items = await collect(
      readCsv(text('id,names\nA,', kh.subarray(0, 2), kh.subarray(2), '\n'), countries),
    )
    expect(items).toMatchObject([{ kind: 'person', entry: { names: ['ឆាយ'] } }])
  })

  it('read UN individuals and skip entities, and stop at broken XML', async () => {
    const xml = `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>SADDAM</FIRST_NAME><SECOND_NAME>HUSSEIN</SECOND_NAME>
      <REFERENCE_NUMBER>IQi.001</REFERENCE_NUMBER><NAME_ORIGINAL_SCRIPT>صدام حسين</NAME_ORIGINAL_SCRIPT>
      <NATIONALITY><VALUE>Iraq</VALUE></NATIONALITY><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Ali</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1937-04-28</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>\n  M 0123  </NUMBER><ISSUING_COUNTRY>Iraq</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
      </INDIVIDUAL></INDIVIDUALS><ENTITIES><ENTITY><FIRST_NAME>X</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>`
    const items = await collect(readUnXml(text(xml), countries))
    expect(items).toMatchObject([
      {
        kind: 'person',
        externalId: 'IQi.001',
        entry: {
          names: ['SADDAM HUSSEIN', 'صدام حسين', 'Abu Ali'],
          birthDate: '1937-04-28',
          nationality: ['IRQ'],
          documents: [{ number: 'M 0123', type: 'Passport', issuingState: 'IRQ' }],
        },
      },
      { kind: 'skipped' },
    ])
    expect(
      await collect(readUnXml(text('<CONSOLIDATED_LIST>\n<INDIVIDUAL>\n</X>'), countries)),
    ).toMatchObject({
      code: 'broken_xml',
      line: 3,
    })
    expect(await collect(readUnXml(text('<html></html>'), countries))).toMatchObject({ code: 'not_un_list' })
  })

  it('never expand an entity: an external one (XXE) or a billion laughs stops the import as broken XML', async () => {
    const person = (name: string) =>
      `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>${name}</FIRST_NAME><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${person('&xxe;')}`
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">',
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
      person('&d;'),
    ].join('\n')
    for (const xml of [xxe, laughs]) {
      const result = await collect(readUnXml(text(xml), countries))
      expect(result).toBeInstanceOf(UnreadableFile)
      expect(result).toMatchObject({ code: 'broken_xml' })
    }
  })

  it('read FtM persons, skip other schemas and reject a line that is not JSON', async () => {
    const lines = [
      JSON.stringify({
        id: 'p1',
        schema: 'Person',
        caption: 'Maria Osetrova',
        properties: {
          name: ['Мария Осетрова'],
          birthDate: ['1988-01-07'],
          nationality: ['ru'],
          gender: ['female'],
        },
      }),
      JSON.stringify({ id: 'c1', schema: 'Company', properties: {} }),
      '{not json',
    ].join('\n')
    const items = await collect(readFtm(text(lines), countries))
    expect(items).toMatchObject([
      {
        kind: 'person',
        line: 1,
        entry: {
          names: ['Maria Osetrova', 'Мария Осетрова'],
          birthDate: '1988-01-07',
          nationality: ['RUS'],
          sex: 'F',
        },
      },
      { kind: 'skipped', line: 2 },
      { kind: 'rejected', line: 3, code: 'bad_json' },
    ])
  })

  it('read the individuals of the OFAC SDN list from its remarks', async () => {
    const source = decodeUtf8(createReadStream(fixtureFile('ofac-sdn.csv')), { maxBytes: 10_000_000 })
    const items = await collect(
      readOfacSdn(source, (v) => ({ egypt: 'EGY', cambodia: 'KHM' })[v.toLowerCase()]),
    )
    if (items instanceof UnreadableFile) throw items
    const count = (kind: string) => items.filter((i) => i.kind === kind).length
    expect([count('person'), count('skipped'), count('rejected')]).toEqual([4620, 4356, 0])
    expect(items.find((i) => i.kind === 'person' && i.externalId === '2676')).toMatchObject({
      entry: {
        names: ['AL ZAWAHIRI, Dr. Ayman'],
        birthDate: '1951-06-19',
        documents: [{ number: '1084010', issuingState: 'EGY' }, { number: '19820215' }],
      },
    })
  })
})
