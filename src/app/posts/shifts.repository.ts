import type { Executor } from '../../platform/db/database.ts'

/** A shift with the display name of its officer: who holds a counter means nothing as an id. */
export function shiftsWithOfficer(db: Executor) {
  return db
    .selectFrom('shifts as s')
    .innerJoin('users as u', 'u.id', 's.officer_id')
    .selectAll('s')
    .select('u.display_name as officer_name')
}

export type ShiftWithOfficer = Awaited<ReturnType<ReturnType<typeof shiftsWithOfficer>['execute']>>[number]

export function openShiftOf(db: Executor, officerId: string): Promise<ShiftWithOfficer | undefined> {
  return shiftsWithOfficer(db)
    .where('s.officer_id', '=', officerId)
    .where('s.closed_at', 'is', null)
    .executeTakeFirst()
}

export function openShiftAtCounter(
  db: Executor,
  postCode: string,
  counter: string,
): Promise<ShiftWithOfficer | undefined> {
  return shiftsWithOfficer(db)
    .where('s.post_code', '=', postCode)
    .where('s.counter', '=', counter)
    .where('s.closed_at', 'is', null)
    .executeTakeFirst()
}

export function openShiftsAt(db: Executor, postCode: string): Promise<ShiftWithOfficer[]> {
  return shiftsWithOfficer(db)
    .where('s.post_code', '=', postCode)
    .where('s.closed_at', 'is', null)
    .orderBy('s.counter')
    .execute()
}
