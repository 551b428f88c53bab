import { z } from 'zod'
import { text } from '../../platform/http/text.ts'

const name = text().trim().min(1).max(200)

export const PostParams = z.strictObject({ code: text().min(2).max(40) })
export const IdParams = z.strictObject({ id: z.uuid() })

export const OpenShiftBody = z.strictObject({ counter: text().trim().min(1).max(20) })

export const ShiftView = z.object({
  id: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  postCode: z.string(),
  counter: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
})
export const CurrentShiftView = z.object({ shift: ShiftView.nullable() })
export const ShiftsView = z.object({ items: z.array(ShiftView) })

const Movements = z.object({
  total: z.number(),
  admitted: z.number(),
  referred: z.number(),
  refused: z.number(),
})

export const BoardView = z.object({
  postCode: z.string(),
  day: z.string(),
  updatedAt: z.string(),
  entries: Movements,
  exits: Movements,
  /** 24 hours of the day in Cambodia, midnight first. */
  hourly: z.array(z.object({ hour: z.number(), entries: z.number(), exits: z.number() })),
  hitsAwaiting: z.number(),
  secondary: z.object({
    waiting: z.number(),
    inInterview: z.number(),
    oldestWaitingSince: z.string().nullable(),
  }),
  returneesToday: z.number(),
  arrivals: z.object({ expected: z.number(), arrived: z.number() }),
})

export const ReasonCode = text()
  .regex(/^[a-z_]{2,40}$/)
  .describe('Lower-case letters and underscores, 2 to 40')
export const ReasonParams = z.strictObject({ code: ReasonCode })
export const RefusalReasonView = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameKm: z.string(),
  position: z.number(),
  active: z.boolean(),
})
export const RefusalReasonsView = z.object({ items: z.array(RefusalReasonView) })
export const CreateReasonBody = z.strictObject({ code: ReasonCode, nameEn: name, nameKm: name })
export const UpdateReasonBody = z
  .strictObject({ nameEn: name, nameKm: name, active: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'posts.reasons.nothing_to_change' })
export const ReorderBody = z.strictObject({ codes: z.array(ReasonCode).min(1).max(500) })
