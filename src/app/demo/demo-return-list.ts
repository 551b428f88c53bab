import { syntheticReturnees } from '../../domain/returns/synthetic-returnees.ts'
import type { Db } from '../../platform/db/database.ts'
import type { RequestActor } from '../identity/actor.ts'
import { importReturnList } from '../returns/import-return-list.ts'

const HEAD =
  'list_no,family_name,given_name,family_name_km,given_name_km,sex,birth_date,age,origin_province,' +
  'origin_district,return_province,return_district,phone,group,flags,needs'

/** A cell as CSV writes it: quoted only when it holds a comma, a quote or a line break. */
const cell = (v: string | number) => {
  const s = String(v)
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/**
 * A government-to-government return list from Thailand, as the Poipet officer receives it in the morning: the CSV
 * the returns screen imports (`docs/return-list-sample.csv`'s columns), imported through the same use case, so the
 * returns list shows people who came "from a return list" with its reference and families grouped.
 */
export async function seedDemoReturnList(o: { db: Db; actor: RequestActor; rows?: number }): Promise<number> {
  const people = [...syntheticReturnees({ seed: 23, count: o.rows ?? 12, rangeDays: 1 })]
  const lines = people.map((r, i) =>
    [
      i + 1,
      r.familyLatin,
      r.givenLatin,
      r.familyKhmer,
      r.givenKhmer,
      r.sex,
      '',
      r.age,
      r.originProvince,
      '',
      r.returnProvince,
      '',
      '',
      // Families travel together: every three on the list share a group.
      `F${Math.floor(i / 3) + 1}`,
      r.triageFlags.filter((f) => f !== 'child' && f !== 'unaccompanied_child').join(';'),
      r.needs.join(';'),
    ]
      .map(cell)
      .join(','),
  )
  const bytes = Buffer.from(`${[HEAD, ...lines].join('\n')}\n`)
  const { report } = await importReturnList({
    db: o.db,
    actor: o.actor,
    postCode: 'LAND-POIPET',
    listRef: 'TH-SK-RL-DEMO-01',
    returnType: 'g2g_list',
    format: 'csv',
    fileName: 'return-list-sa-kaeo.csv',
    bytes,
    limits: { maxInflatedBytes: 1_000_000, maxRows: 1_000, maxLineChars: 10_000 },
  })
  return report.total_rows - report.rejected
}
