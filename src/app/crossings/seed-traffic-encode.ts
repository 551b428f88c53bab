import type { TrafficBatch } from './seed-traffic-batch.ts'
import { lines } from './seed-traffic-copy-text.ts'

/** One batch as COPY text, table by table. */
export interface BatchText {
  travellers: string
  documents: string
  crossings: string
}

/**
 * A batch's travellers, passports and movements as the text of their three COPY statements (`CopyWriter.send`).
 * Plain data in, text out: the seed's generator thread (`seed-traffic-worker.ts`) encodes here, and so does a
 * writer fed in process.
 */
export function encodeBatch(batch: TrafficBatch, officerId: string): BatchText {
  const { t, t2, c } = batch
  const n = batch.travellers
  const constant = (v: string) => new Array<string>(n).fill(v)
  const now = new Date().toISOString()
  const m = batch.movements
  const flags = c.overstay.map((o) => ((o ?? 0) > 0 ? '["overstay"]' : '[]'))
  return {
    travellers: lines([t.id, t.surname, t.given, t.birth, t2.sex, t2.nationality], n),
    documents: lines(
      [
        t2.doc,
        t.id,
        t2.nationality,
        constant('P'),
        t2.number,
        constant('TD3'),
        constant('manual'),
        t2.nationality,
        t.surname,
        t.given,
        t.birth,
        t2.sex,
        constant('2031-12-31'),
        constant(now),
        constant(now),
        constant('1'),
        constant(officerId),
      ],
      n,
    ),
    crossings: lines(
      [
        c.id,
        c.traveller,
        c.document,
        c.post,
        new Array<string>(m).fill('1'),
        new Array<string>(m).fill(officerId),
        new Array<string>(m).fill('GDI'),
        c.at,
        c.on,
        c.direction,
        c.purpose,
        c.permitted,
        c.transport,
        c.decision,
        c.refusal,
        c.matched,
        c.stay,
        c.overstay,
        flags,
        c.previous,
      ],
      m,
    ),
  }
}
