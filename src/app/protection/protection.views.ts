import { z } from 'zod'

/**
 * Response shapes for the OpenAPI document. The serializer also drops any field not listed here, a second
 * guard (after the presenters) against protection content leaking into a view that does not declare it.
 */
const iso = z.string()
const nullableIso = z.string().nullable()
const names = { id: z.string(), nameEn: z.string(), nameKm: z.string() }

export const ProviderView = z.object({
  ...names,
  agencyCode: z.string(),
  type: z.string(),
  services: z.array(z.string()),
  provinceCode: z.string().nullable(),
  location: z.string(),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  shelterBeds: z.number().nullable(),
  shelterOccupied: z.number(),
  freeBeds: z.number().nullable(),
  active: z.boolean(),
})

export const PersonNameView = z.object({
  id: z.string(),
  givenLatin: z.string(),
  familyLatin: z.string(),
  givenKhmer: z.string().nullable(),
  familyKhmer: z.string().nullable(),
})

export const ReferralStatusView = z.object({
  id: z.string(),
  state: z.string(),
  provider: z.object(names).nullable(),
  fromAgency: z.string(),
  fromPost: z.string().nullable(),
  toAgency: z.string(),
  createdAt: iso,
  answeredAt: nullableIso,
  completedAt: nullableIso,
})

export const ReferralView = ReferralStatusView.extend({
  person: PersonNameView.nullable(),
  caseId: z.string().nullable(),
  services: z.array(z.string()),
  note: z.string(),
  basis: z.string(),
  identificationPending: z.boolean(),
  override: z.object({ ground: z.string(), reason: z.string(), overridden: z.array(z.string()) }).nullable(),
  createdBy: z.string().nullable(),
  steps: z.record(
    z.string(),
    z.object({ by: z.string().nullable(), at: iso, reason: z.string().nullable() }),
  ),
})

/** Content for protection roles, status only for the others: the list says which one it is. */
export const ReferralListView = z.object({
  items: z.union([z.array(ReferralView), z.array(ReferralStatusView)]),
  content: z.boolean(),
})

export const IdentificationView = z.object({
  id: z.string(),
  context: z.string(),
  postCode: z.string().nullable(),
  screenedAt: iso,
  outcome: z.string(),
  isChild: z.boolean(),
  childStatus: z.string().nullable(),
  vulnerabilities: z.array(z.string()),
  indicators: z.record(z.string(), z.array(z.string())),
  uncertain: z.array(z.string()),
  bestInterestsSteps: z.array(z.string()),
  suggestedServices: z.array(z.string()),
})

export const ConsentsView = z.object({
  status: z.record(z.string(), z.string()),
  history: z.array(
    z.object({
      id: z.string(),
      purpose: z.string(),
      decision: z.string(),
      givenBy: z.string(),
      guardianName: z.string().nullable(),
      method: z.string(),
      at: iso,
    }),
  ),
})

export const PersonView = PersonNameView.extend({
  birthDate: z.string().nullable(),
  birthDateEstimated: z.boolean(),
  gender: z.string(),
  nationality: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  provinceCode: z.string().nullable(),
  createdAt: iso,
})

export const FollowUpView = z.object({
  id: z.string(),
  dueDate: z.string(),
  completedOn: z.string().nullable(),
  note: z.string(),
  status: z.string(),
  daysLate: z.number(),
})

export const CaseSummaryView = z.object({
  id: z.string(),
  number: z.number(),
  person: PersonNameView.nullable(),
  agencyCode: z.string(),
  state: z.string(),
  stage: z.string(),
  pending: z.string().nullable(),
  caseWorker: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  openedAt: iso,
  updatedAt: iso,
  nextDue: z.string().nullable(),
  overdue: z.number(),
})

const by = z.string().nullable()
export const CaseView = CaseSummaryView.extend({
  htcdsStatus: z.string(),
  assessment: z.object({ by, at: iso, summary: z.string().nullable() }).nullable(),
  plan: z
    .object({
      goals: z.array(z.string()),
      submittedBy: by,
      submittedAt: iso,
      approvedBy: by,
      approvedAt: nullableIso,
    })
    .nullable(),
  pendingRequest: z
    .object({
      kind: z.string(),
      requestedBy: by,
      requestedById: z.string(),
      at: iso,
      reason: z.string(),
      toAgency: z.string().nullable(),
    })
    .nullable(),
  closure: z.object({ reason: z.string(), note: z.string().nullable(), approvedBy: by, at: iso }).nullable(),
  servicesDelivered: z.number(),
  reopenedCount: z.number(),
  availableEvents: z.array(z.string()),
  personDetails: PersonView.nullable(),
  consents: ConsentsView,
  identification: IdentificationView.nullable(),
  referrals: z.array(ReferralView),
  assistance: z.array(
    z.object({
      id: z.string(),
      service: z.string(),
      note: z.string(),
      by,
      at: iso,
      referralId: z.string().nullable(),
    }),
  ),
  followUps: z.array(FollowUpView),
  timeline: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      event: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      by,
      at: iso,
      details: z.record(z.string(), z.unknown()),
    }),
  ),
})

export const DashboardView = z.object({
  openCases: z.number(),
  unassigned: z.number(),
  awaitingApproval: z.number(),
  caseload: z.array(z.object({ id: z.string(), name: z.string().nullable(), count: z.number() })),
  overdueFollowUps: z.array(
    FollowUpView.extend({ caseId: z.string(), caseNumber: z.number(), person: PersonNameView.nullable() }),
  ),
  identificationToAssistance: z.object({
    cases: z.number(),
    medianHours: z.number().nullable(),
    maxHours: z.number().nullable(),
  }),
})

/** The identification form (domain/protection/identification-form.ts) as the web renders it. */
export const IdentificationFormView = z.object({
  id: z.string(),
  version: z.string(),
  sections: z.array(
    z.object({
      id: z.string(),
      appliesTo: z.enum(['everyone', 'child']),
      questions: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(['yesNoUnsure', 'number', 'choice']),
          required: z.enum(['always', 'ifAgeUnknown', 'optional']),
          element: z.enum(['act', 'means', 'purpose']).optional(),
          vulnerability: z.string().optional(),
          controlMethods: z.array(z.string()).optional(),
          labourExploitation: z.array(z.string()).optional(),
          sexExploitation: z.boolean().optional(),
          options: z.array(z.string()).optional(),
          min: z.number().optional(),
          max: z.number().optional(),
        }),
      ),
    }),
  ),
})
