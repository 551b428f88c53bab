import { z } from 'zod'

/** An earlier traveller proposed as the holder of a newly seen document. */
export const IdentityCandidateView = z.object({
  travellerId: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  nationality: z.string().nullable(),
  score: z.number(),
  decision: z.enum(['match', 'possible']),
  documents: z.array(
    z.object({ issuingState: z.string(), documentCode: z.string(), documentNumber: z.string() }),
  ),
  crossings: z.number(),
  lastCrossing: z.object({ day: z.string(), postCode: z.string(), direction: z.string() }).nullable(),
})

export const IdentifyQuery = z.strictObject({ document: z.uuid() })
export const ConfirmIdentityBody = z.strictObject({ documentId: z.uuid(), travellerId: z.uuid() })

/** A traveller as the border sees them: who, not their documents or movements. */
export const TravellerView = z.object({
  id: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  nationality: z.string().nullable(),
})

export const LinkedTravellerView = z.object({ traveller: TravellerView })
