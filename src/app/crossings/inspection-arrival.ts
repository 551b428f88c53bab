import type { ListsHead } from '../../platform/cache/cache-versions.ts'
import type { Tx } from '../../platform/db/database.ts'
import { type Later, type Sendable, sendWithNext } from '../../platform/db/send-together.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { TravelDocumentRow, TravellerRow } from '../documents/documents.tables.ts'
import { readMrzText } from '../documents/read-document.ts'
import { storeDocument } from '../documents/store-document.ts'
import type { RequestActor } from '../identity/actor.ts'
import { type ScreeningOptions, screenTraveller, startScreening } from '../screening/screen-traveller.ts'
import type { ScreeningIndex } from '../screening/screening-index.ts'
import { type DocumentKey, holderOf, movementsQuery } from './crossings.repository.ts'
import type { CrossingRow } from './crossings.tables.ts'
import { type SameBirthDateRow, sameBirthDate } from './identify-candidates.ts'

/** What an inspection knows once its document is in: the document, its traveller, the record and the screening. */
export interface Arrival {
  document: TravelDocumentRow
  traveller: TravellerRow
  /** First time this document was seen: it was stored and a traveller was created for it. */
  created: boolean
  history: CrossingRow[]
  screening: Awaited<ReturnType<typeof screenTraveller>>
  /** The look-alikes' prefilter, already sent for the traveller's birth date (`identityCandidates`). */
  bornSameDay?: Later<SameBirthDateRow>
}

export interface ArrivalOptions {
  trx: Tx
  actor: RequestActor
  index: ScreeningIndex
  /** The MRZ as the reader typed it, or a document already stored. */
  text?: string
  documentId?: string
  screeningHead?: ListsHead | null
}

/** The fields of a document the screening is asked about: compared before hits read ahead are used. */
const SCREENED = [
  'given_names',
  'surname',
  'birth_date',
  'nationality',
  'sex',
  'issuing_state',
  'document_number',
] as const
type Screened = Pick<TravelDocumentRow, (typeof SCREENED)[number]>

function screeningOf(o: ArrivalOptions, d: Screened): ScreeningOptions {
  return {
    trx: o.trx,
    actor: o.actor,
    index: o.index,
    person: {
      name: `${d.given_names} ${d.surname}`.trim(),
      birthDate: d.birth_date ?? undefined,
      nationality: d.nationality ?? undefined,
      sex: d.sex ?? undefined,
    },
    document: { issuingState: d.issuing_state, number: d.document_number },
    // Nothing in the inspection reads the request or the evaluation back: both go in its last statement.
    deferred: true,
    head: o.screeningHead,
  }
}

export function arrivalOf(o: ArrivalOptions): Promise<Arrival> {
  return o.documentId ? storedArrival(o, o.documentId) : readArrival(o, o.text ?? '')
}

/**
 * A passport read from its MRZ, in one round trip with what does not wait for it (issue 13): the screening's two
 * lookups, the holder's movements and the look-alikes' prefilter all ask by the MRZ alone (the holder by the
 * document's key, in a subquery), so they go out in front of the document's upsert, in one frame. A document stored
 * before under other names or dates (a misread then or now) is screened as stored, as it always was; the lookups
 * read ahead are then left unused.
 */
async function readArrival(o: ArrivalOptions, text: string): Promise<Arrival> {
  const read = readMrzText(text)
  if (!read.data) throw unreadable(read.result.errors)
  const d = read.data
  const key: DocumentKey = d
  const asRead: Screened = {
    given_names: d.givenNames,
    surname: d.surname,
    birth_date: d.birthDate,
    nationality: d.nationality,
    sex: d.sex,
    issuing_state: d.issuingState,
    document_number: d.documentNumber,
  }
  const screening = await startScreening(screeningOf(o, asRead))
  // Held in this order, and sent in it, ahead of the upsert that follows.
  const person = await hold(o.trx, screening.lookups[0])
  const documents = await hold(o.trx, screening.lookups[1])
  const holder = holderOf(o.trx, key)
  const past = await sendWithNext(o.trx, movementsQuery(o.trx, holder))
  const born = d.birthDate ? await sendWithNext(o.trx, sameBirthDate(o.trx, d.birthDate, holder)) : null
  const {
    row: document,
    created,
    traveller,
  } = await storeDocument({ trx: o.trx, actor: o.actor, document: d })
  const sameAsRead = SCREENED.every((f) => document[f] === asRead[f])
  return {
    document,
    traveller,
    created,
    history: created ? [] : await past.rows(),
    screening: sameAsRead
      ? await screening.finish([await rowsOf(person), await rowsOf(documents)])
      : await screenTraveller(screeningOf(o, document)),
    bornSameDay: born && traveller.birth_date === d.birthDate ? born : undefined,
  }
}

/** A document already stored: its traveller and movements go with the screening's lookups. */
async function storedArrival(o: ArrivalOptions, id: string): Promise<Arrival> {
  const document = await o.trx
    .selectFrom('travel_documents')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!document) throw new AppError('not_found')
  const holder = await sendWithNext(
    o.trx,
    o.trx.selectFrom('travellers').selectAll().where('id', '=', document.traveller_id),
  )
  const past = await sendWithNext(o.trx, movementsQuery(o.trx, document.traveller_id))
  const screening = await screenTraveller(screeningOf(o, document))
  const [traveller] = await holder.rows()
  if (!traveller) throw new AppError('not_found')
  return { document, traveller, created: false, history: await past.rows(), screening }
}

/** An unreadable MRZ: each error names its field, so the answer says "Issuing state: …", not the line twice. */
function unreadable(errors: ReturnType<typeof readMrzText>['result']['errors']): AppError {
  return new AppError(
    'validation_failed',
    {},
    errors.map((e) => ({
      code: e.code,
      params: { ...e.params, field: e.field, ...(e.line === null ? {} : { line: e.line + 1 }) },
    })),
  )
}

const hold = <R>(trx: Tx, q: Sendable<R> | null) => (q ? sendWithNext(trx, q) : null)
const rowsOf = <R>(l: Later<R> | null): Promise<R[]> => (l ? l.rows() : Promise.resolve([]))
