import type { Executor } from '../../platform/db/database.ts'
import type { TravellerRow } from './documents.tables.ts'

export interface NewTraveller {
  id: string
  surname: string
  givenNames: string
  birthDate: string | null
  sex: string | null
  nationality: string | null
}

/** The insert of a new traveller, returning the stored row (defaults included). */
export function travellerInsert(db: Executor, t: NewTraveller) {
  return db
    .insertInto('travellers')
    .values({
      id: t.id,
      surname: t.surname,
      given_names: t.givenNames,
      birth_date: t.birthDate,
      sex: t.sex,
      nationality: t.nationality,
    })
    .returningAll()
}

export function insertTraveller(db: Executor, t: NewTraveller): Promise<TravellerRow> {
  return travellerInsert(db, t).executeTakeFirstOrThrow()
}
