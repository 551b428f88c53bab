import { randomUUID } from 'node:crypto'
import type { MessageType } from '../../domain/exchange/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import { DocumentEntryInput, PersonEntryInput } from '../screening/entry-input.ts'
import { addEntry, removeEntry } from '../screening/manage-entries.ts'
import { createWatchlist } from '../screening/manage-watchlists.ts'
import { findListByName } from '../screening/watchlists.repository.ts'
import type { AuthorityRow } from './exchange.tables.ts'

type Content = Record<string, unknown>
type Row = Record<string, string | undefined>

const GENDER_TO_SEX: Record<string, string> = { Male: 'M', Female: 'F', 'Transgender/NonConforming': 'X' }

/** A border point named by a partner is one of our points of entry (by code), or unknown to the post board. */
async function postOf(trx: Tx, borderPoint: string): Promise<string | null> {
  const p = await trx
    .selectFrom('points_of_entry')
    .select('code')
    .where('code', '=', borderPoint)
    .executeTakeFirst()
  return p?.code ?? null
}

async function expectArrival(
  trx: Tx,
  v: {
    partner: string
    messageId: string
    key: string
    ref: string | null
    borderPoint: string
    on: string
    person: Row
  },
) {
  await trx
    .insertInto('exchange_arrivals')
    .values({
      id: randomUUID(),
      message_id: v.messageId,
      partner_code: v.partner,
      row_key: v.key,
      thread_ref: v.ref,
      post_code: await postOf(trx, v.borderPoint),
      border_point: v.borderPoint,
      expected_on: v.on,
      family_latin: v.person.prs_SecondName ?? null,
      given_latin: v.person.prs_FirstName ?? null,
      sex: GENDER_TO_SEX[v.person.prs_Gender ?? ''] ?? null,
      birth_date: v.person.prs_Birthdate ?? null,
      nationality: v.person.prs_Nationality ?? null,
    })
    // A handover agreed again (a new date) moves the expected arrival; a list row already known stays as it is.
    .onConflict((oc) =>
      v.ref
        ? oc
            .columns(['partner_code', 'row_key'])
            .doUpdateSet({ expected_on: v.on, border_point: v.borderPoint, message_id: v.messageId })
        : oc.columns(['partner_code', 'row_key']).doNothing(),
    )
    .execute()
}

/** The referral received in a repatriation thread: whose arrival a handover announces. */
async function referralOf(trx: Tx, partner: string, ref: string): Promise<Row> {
  const m = await trx
    .selectFrom('exchange_messages')
    .select('content')
    .where('partner_code', '=', partner)
    .where('thread_ref', '=', ref)
    .where('type', '=', 'repatriation.referral')
    .orderBy('sent_at', 'desc')
    .executeTakeFirst()
  return (m?.content ?? {}) as Row
}

/**
 * One alert list per partner and kind, owned by this instance's agency, so every entry names the partner that owns
 * it (documents: `Exchange: TH-MSDHS`; persons: `Exchange persons: TH-MSDHS`).
 */
async function partnerList(
  trx: Tx,
  self: AuthorityRow,
  partner: string,
  kind: 'documents' | 'persons' = 'documents',
): Promise<string> {
  const name = kind === 'documents' ? `Exchange: ${partner}` : `Exchange persons: ${partner}`
  const found = await findListByName(trx, name)
  if (found) return found.id
  const list = await createWatchlist({
    trx,
    actor: null,
    list: {
      name,
      ownerAgency: self.agency_code ?? 'GDI',
      kind,
      description: `${kind === 'documents' ? 'Alerts' : 'Person alerts'} received from ${partner} under its agreement`,
    },
    reason: `exchange:${partner}`,
  })
  return list.id
}

const SEX: Record<string, 'M' | 'F' | 'X'> = { Male: 'M', Female: 'F', 'Transgender/NonConforming': 'X' }

/** Person alerts as changes: added entries screened like any other, withdrawn ones removed; the partner named. */
async function applyPersonAlerts(
  trx: Tx,
  self: AuthorityRow,
  partner: string,
  id: string,
  content: Content,
): Promise<string> {
  const listId = await partnerList(trx, self, partner, 'persons')
  const reason = `exchange:${partner}:${id}`
  const live = (externalId: string) =>
    trx
      .selectFrom('watchlist_persons')
      .select('id')
      .where('list_id', '=', listId)
      .where('external_id', '=', externalId)
      .where('removed_at', 'is', null)
      .executeTakeFirst()
  for (const a of (content.xch_AddedPersons ?? []) as Row[]) {
    const externalId = `${partner}:${a.xch_AlertId}`
    const latin = [a.prs_FirstName, a.prs_SecondName].filter(Boolean).join(' ')
    const native = [a.xch_FirstNameNative, a.xch_SecondNameNative].filter(Boolean).join(' ')
    const names = [latin, native].filter((n) => n.length > 0)
    // An alert the agreement let travel without any name cannot be screened: nothing to add.
    if (!a.xch_AlertId || !a.xch_AlertCategory || names.length === 0 || (await live(externalId))) continue
    const country = a.prs_Nationality
      ? await trx
          .selectFrom('countries')
          .select('icao_code')
          .where('alpha2', '=', a.prs_Nationality)
          .executeTakeFirst()
      : undefined
    const entry = PersonEntryInput.parse({
      externalId,
      names,
      birthDate: a.prs_Birthdate ?? null,
      nationality: country ? [country.icao_code] : [],
      sex: SEX[a.prs_Gender ?? ''] ?? null,
      category: a.xch_AlertCategory,
      source: partner,
    })
    await addEntry({ trx, actor: null, listId, reason, kind: 'person', entry })
  }
  for (const w of (content.xch_WithdrawnPersons ?? []) as Row[]) {
    const known = await live(`${partner}:${w.xch_AlertId}`)
    if (known) await removeEntry({ trx, actor: null, listId, kind: 'person', entryId: known.id, reason })
  }
  return listId
}

async function applyAlerts(
  trx: Tx,
  self: AuthorityRow,
  partner: string,
  id: string,
  content: Content,
): Promise<string> {
  const listId = await partnerList(trx, self, partner)
  const reason = `exchange:${partner}:${id}`
  for (const a of (content.xch_Added ?? []) as Row[]) {
    const country = await trx
      .selectFrom('countries')
      .select('icao_code')
      .where('alpha2', '=', a.xch_IssuingState ?? '')
      .executeTakeFirst()
    const externalId = `${partner}:${a.xch_AlertId}`
    const known = await trx
      .selectFrom('watchlist_documents')
      .select('id')
      .where('list_id', '=', listId)
      .where('external_id', '=', externalId)
      .where('removed_at', 'is', null)
      .executeTakeFirst()
    if (known || !a.xch_DocumentNumber || !country) continue
    const entry = DocumentEntryInput.parse({
      externalId,
      issuingState: country.icao_code,
      number: a.xch_DocumentNumber,
      status: a.xch_DocumentStatus,
      source: partner,
    })
    await addEntry({ trx, actor: null, listId, reason, kind: 'document', entry })
  }
  for (const w of (content.xch_Withdrawn ?? []) as Row[]) {
    const known = await trx
      .selectFrom('watchlist_documents')
      .select('id')
      .where('list_id', '=', listId)
      .where('external_id', '=', `${partner}:${w.xch_AlertId}`)
      .where('removed_at', 'is', null)
      .executeTakeFirst()
    if (known) await removeEntry({ trx, actor: null, listId, kind: 'document', entryId: known.id, reason })
  }
  return listId
}

/**
 * What a received message changes on this side, in the receiving transaction: a return list and an agreed handover
 * become expected arrivals on the post board; alert deltas change the partner's alert list. The other types are
 * kept as received, for the people who act on them. Returns the record it fed, if any.
 */
export async function applyMessage(o: {
  trx: Tx
  self: AuthorityRow
  partner: string
  id: string
  type: MessageType
  content: Content
}): Promise<string | null> {
  const { trx, partner, id, content } = o
  switch (o.type) {
    case 'returns.g2g_list': {
      for (const r of (content.xch_Arrivals ?? []) as Row[]) {
        if (!r.xch_RowId || !r.xch_ExpectedDate || !r.xch_BorderPoint) continue
        await expectArrival(trx, {
          partner,
          messageId: id,
          key: `list:${content.xch_ListRef ?? id}:${r.xch_RowId}`,
          ref: null,
          borderPoint: r.xch_BorderPoint,
          on: r.xch_ExpectedDate,
          person: r,
        })
      }
      return null
    }
    case 'repatriation.handover_agreed': {
      const ref = content.xch_RepatriationRef as string
      // An agreement that lets neither the date nor the place travel announces nothing to the post board.
      if (!ref || !content.xch_HandoverDate || !content.xch_BorderPoint) return null
      await expectArrival(trx, {
        partner,
        messageId: id,
        key: `repatriation:${ref}`,
        ref,
        borderPoint: content.xch_BorderPoint as string,
        on: content.xch_HandoverDate as string,
        person: await referralOf(trx, partner, ref),
      })
      return null
    }
    case 'alerts.delta':
      return applyAlerts(trx, o.self, partner, id, content)
    case 'alerts.persons_delta':
      return applyPersonAlerts(trx, o.self, partner, id, content)
    default:
      return null
  }
}
