import { z } from 'zod'
import { DEFECTS } from '../../domain/training/defects.ts'
import { DIFFICULTIES, MAX_DEFECTS_PER_ITEM, MAX_ITEMS } from '../../domain/training/exercise.ts'
import { MAX_SECONDS_PER_DOCUMENT, MIN_SECONDS_PER_DOCUMENT } from '../../domain/training/pace.ts'
import { SPECIMEN_KINDS } from '../../domain/training/specimen.ts'
import { multilineText, text } from '../../platform/http/text.ts'

const line = (max = 200) => text().trim().min(1).max(max)
const day = z.iso.date()
const score = z.number().int().min(0).max(100)
const sex = z.enum(['F', 'M', 'X'])

export const IdParams = z.strictObject({ id: z.uuid() })

export const CourseBody = z.strictObject({
  titleEn: line(),
  titleKm: line(),
  topic: line(),
  curriculum: multilineText().trim().min(1).max(5000),
  languages: z
    .array(z.enum(['en', 'km']))
    .min(1)
    .max(2),
})

export const SessionBody = z.strictObject({
  courseId: z.uuid(),
  startsOn: day,
  endsOn: day,
  place: line(),
  trainers: line(500),
  fundingProject: line(),
  postCode: text().min(2).max(40).nullable(),
})

export const ParticipantBody = z.union([
  z.strictObject({ userId: z.uuid(), sex }),
  z.strictObject({
    fullName: line(),
    agencyCode: text().min(1).max(40),
    postCode: text().min(2).max(40).nullable(),
    sex,
  }),
])

export const ResultBody = z.strictObject({
  attended: z.boolean().optional(),
  preScore: score.nullable().optional(),
  postScore: score.nullable().optional(),
  completed: z.boolean().optional(),
})

const defect = z.enum(DEFECTS)

// The trainer's time per document; left out, the difficulty's default (`defaultSecondsPerDocument`).
const secondsPerDocument = z
  .number()
  .int()
  .min(MIN_SECONDS_PER_DOCUMENT)
  .max(MAX_SECONDS_PER_DOCUMENT)
  .optional()

export const ExerciseBody = z.union([
  z.strictObject({
    title: line(),
    secondsPerDocument,
    items: z
      .array(
        z.strictObject({ kind: z.enum(SPECIMEN_KINDS), defects: z.array(defect).max(MAX_DEFECTS_PER_ITEM) }),
      )
      .min(1)
      .max(MAX_ITEMS),
  }),
  z.strictObject({
    title: line(),
    secondsPerDocument,
    difficulty: z.enum(DIFFICULTIES),
    size: z.number().int().min(1).max(MAX_ITEMS),
  }),
])

/** One document's findings. The time is the server's: a body that brings its own is refused (strict). */
export const AnswerBody = z.strictObject({
  findings: z.array(defect).max(DEFECTS.length),
})

export const DocumentParams = z.strictObject({
  id: z.uuid(),
  index: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_ITEMS - 1),
})

/** The submission carries nothing: the findings are the documents' answers, already on the server. */
export const SubmitBody = z.strictObject({}).optional()
