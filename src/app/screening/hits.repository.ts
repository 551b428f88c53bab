import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'

/** A hit with what the officer needs beside it: the entry it matched and the list that entry is on. */
export function hitDetails(ex: Executor) {
  return ex
    .selectFrom('screening_hits as h')
    .innerJoin('watchlists as l', 'l.id', 'h.list_id')
    .leftJoin('watchlist_persons as p', 'p.id', 'h.person_id')
    .leftJoin('watchlist_documents as d', 'd.id', 'h.document_id')
    .select([
      'h.id',
      'h.request_id',
      'h.kind',
      'h.person_id',
      'h.document_id',
      'h.score',
      'h.decision',
      'h.explanation',
      'h.status',
      'h.agency_code',
      'h.post_code',
      'h.owner_agency',
      'h.traveller_key',
      'h.adjudication_reason',
      'h.adjudicated_by',
      'h.adjudicated_at',
      'h.created_at',
      'l.name as list_name',
      'p.names as person_names',
      'p.birth_date as person_birth_date',
      'p.nationality as person_nationality',
      'p.sex as person_sex',
      'p.category as person_category',
      'p.handling as person_handling',
      'p.sensitivity as person_sensitivity',
      'd.issuing_state as document_state',
      'd.document_type as document_type',
      'd.number as document_number',
      'd.status as document_status',
      'd.handling as document_handling',
      'd.sensitivity as document_sensitivity',
    ])
}

export type HitDetailRow = Awaited<ReturnType<ReturnType<typeof hitDetails>['execute']>>[number]

/**
 * What an officer is shown of the entry a hit is on: the columns `hitDetails` joins in, so a hit answered before it
 * is read back (`screenTraveller`) has the same shape as one read.
 */
export type HitEntry = Pick<
  HitDetailRow,
  | 'list_name'
  | 'person_names'
  | 'person_birth_date'
  | 'person_nationality'
  | 'person_sex'
  | 'person_category'
  | 'person_handling'
  | 'person_sensitivity'
  | 'document_state'
  | 'document_type'
  | 'document_number'
  | 'document_status'
  | 'document_handling'
  | 'document_sensitivity'
>

/** The entry columns of a person row, as `json_build_object` keys (SQL) and as `HitEntry` (a person's hit). */
export const PERSON_ENTRY = sql`json_build_object('person_names', p.names, 'person_birth_date', p.birth_date,
  'person_nationality', p.nationality, 'person_sex', p.sex, 'person_category', p.category,
  'person_handling', p.handling, 'person_sensitivity', p.sensitivity)`

/** A hit's entry with every column the other kind has left empty, as the outer joins of `hitDetails` give it. */
export function hitEntry(listName: string, columns: Partial<HitEntry>): HitEntry {
  return {
    list_name: listName,
    person_names: null,
    person_birth_date: null,
    person_nationality: null,
    person_sex: null,
    person_category: null,
    person_handling: null,
    person_sensitivity: null,
    document_state: null,
    document_type: null,
    document_number: null,
    document_status: null,
    document_handling: null,
    document_sensitivity: null,
    ...columns,
  }
}
