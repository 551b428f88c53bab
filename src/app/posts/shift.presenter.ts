import type { ShiftWithOfficer } from './shifts.repository.ts'

export function presentShift(s: ShiftWithOfficer) {
  return {
    id: s.id,
    officerId: s.officer_id,
    officerName: s.officer_name,
    postCode: s.post_code,
    counter: s.counter,
    openedAt: s.opened_at.toISOString(),
    closedAt: s.closed_at ? s.closed_at.toISOString() : null,
  }
}
