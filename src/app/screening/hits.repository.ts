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
