import { readFileSync } from 'node:fs'
import type { Client, TestApp } from '../../test/test-app.ts'

/** The sample return list shipped for officers, read by the tests so it cannot drift from the code. */
export const SAMPLE_CSV = readFileSync(new URL('../../../docs/return-list-sample.csv', import.meta.url))

/** A returnee as the registration screen sends one; each test gives its own name. */
export function returneeBody(over: Record<string, unknown> = {}) {
  return {
    familyLatin: 'Ouch',
    givenLatin: 'Dara',
    familyKhmer: 'អ៊ូច',
    givenKhmer: 'ដារា',
    sex: 'M',
    birthDate: '1991-04-12',
    originProvince: 'KH-14',
    returnProvince: 'KH-14',
    phone: '012 345 678',
    returnType: 'spontaneous',
    triageFlags: [],
    needs: ['food'],
    ...over,
  }
}

export const register = (
  c: Client,
  returnee: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  key?: string,
) => c.request('POST', '/api/returns', { returnee, ...extra }, key ? { 'idempotency-key': key } : {})

/** Uploads a list and reads the NDJSON answer, line by line. */
export async function importList(
  c: Client,
  o: { bytes: Buffer | string; format?: 'csv' | 'xlsx'; listRef: string; returnType?: string; post?: string },
) {
  const query = new URLSearchParams({
    format: o.format ?? 'csv',
    listRef: o.listRef,
    returnType: o.returnType ?? 'g2g_list',
    ...(o.post ? { post: o.post } : {}),
  })
  const contentType =
    o.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'
  const res = await c.request('POST', `/api/returns/imports?${query}`, o.bytes, {
    'content-type': contentType,
  })
  const lines =
    res.statusCode === 200
      ? res.body
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
      : []
  return { res, lines, done: lines.find((l) => l.type === 'done') }
}

export async function countReturnees(t: TestApp): Promise<number> {
  const r = await t.store.db
    .selectFrom('returnees')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}
