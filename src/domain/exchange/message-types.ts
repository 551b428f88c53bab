/**
 * The message types two Passage instances (or Passage and a partner that handles files) exchange, each a versioned
 * schema of named fields. Field names follow IOM's HTCDS (`prs_`, `vic_`, `cas_`) where HTCDS has one, and
 * `xch_` where it has none (nationality verification, handover, return lists). An agreement allows a subset of
 * these fields per type; `jsonSchemaOf` publishes each type as a JSON Schema (docs/exchange.md).
 */
import {
  CONTROL_METHODS,
  HTCDS_CASE_STATUSES,
  HTCDS_GENDERS,
  LABOUR_EXPLOITATION_TYPES,
} from '../protection/htcds-vocabularies.ts'

export type FieldKind =
  | { kind: 'text'; max: number }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'country' }
  | { kind: 'phone' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'enums'; values: readonly string[] }
  | { kind: 'rows'; fields: Readonly<Record<string, FieldKind>>; max: number }

const text = (max: number): FieldKind => ({ kind: 'text', max })
const oneOf = (...values: string[]): FieldKind => ({ kind: 'enum', values })
const date: FieldKind = { kind: 'date' }
const gender: FieldKind = { kind: 'enum', values: HTCDS_GENDERS }
const country: FieldKind = { kind: 'country' }

/** Names in both scripts, birth date and gender: the core of every person a message carries. */
const NAMES = {
  prs_FirstName: text(100),
  prs_SecondName: text(100),
  xch_FirstNameNative: text(100),
  xch_SecondNameNative: text(100),
  prs_Birthdate: date,
  prs_Gender: gender,
} as const

const PERSON = {
  ...NAMES,
  prs_Nationality: country,
  prs_MobilePhone: { kind: 'phone' } as FieldKind,
  xch_HomeProvince: text(100),
  xch_HomeCommune: text(100),
  xch_ParentNames: text(300),
} as const

/** The fields that identify which repatriation a message belongs to: always allowed, never personal data. */
export const THREAD_FIELDS = ['xch_RepatriationRef'] as const

export const MESSAGE_TYPES = {
  'repatriation.referral': {
    version: 1,
    fields: {
      xch_RepatriationRef: text(80),
      ...PERSON,
      vic_AgreementToManagePersonalData: oneOf('yes', 'no'),
      xch_BestInterestsDetermination: oneOf('done', 'not_required'),
      vic_TypeOfLabourExploitation: { kind: 'enums', values: LABOUR_EXPLOITATION_TYPES },
      vic_MethodsOfControl: { kind: 'enums', values: CONTROL_METHODS },
      vic_DetailsOfVulnerabilities: text(2000),
      cas_ReferringOrganisation: text(200),
      cas_IncomingReferralDetails: text(2000),
    },
  },
  'repatriation.nationality_verification': {
    version: 1,
    fields: {
      xch_RepatriationRef: text(80),
      xch_VerificationResult: oneOf('verified', 'not_verified', 'needs_interview'),
      xch_VerifyingOffice: text(200),
    },
  },
  'repatriation.family_assessment': {
    version: 1,
    fields: {
      xch_RepatriationRef: text(80),
      xch_FamilyAssessment: oneOf('suitable', 'suitable_with_support', 'not_suitable'),
      xch_AssessmentSummary: text(2000),
    },
  },
  'repatriation.handover_agreed': {
    version: 1,
    fields: {
      xch_RepatriationRef: text(80),
      xch_HandoverDate: date,
      xch_BorderPoint: text(40),
      xch_Escorts: text(500),
    },
  },
  'repatriation.handover_receipt': {
    version: 1,
    fields: {
      xch_RepatriationRef: text(80),
      xch_ReceivedAt: { kind: 'datetime' },
      xch_BorderPoint: text(40),
      xch_ReceivingOrganisation: text(200),
    },
  },
  'repatriation.follow_up': {
    version: 1,
    fields: {
      xch_RepatriationRef: text(80),
      xch_FollowUpMonth: { kind: 'integer', min: 1, max: 60 },
      cas_Status: { kind: 'enum', values: HTCDS_CASE_STATUSES },
      xch_FollowUpSummary: text(2000),
    },
  },
  'returns.g2g_list': {
    version: 1,
    fields: {
      xch_ListRef: text(80),
      xch_Arrivals: {
        kind: 'rows',
        max: 5000,
        fields: {
          xch_RowId: text(80),
          prs_FirstName: text(100),
          prs_SecondName: text(100),
          prs_Gender: gender,
          prs_Birthdate: date,
          prs_Nationality: country,
          xch_ExpectedDate: date,
          xch_BorderPoint: text(40),
        },
      },
    },
  },
  'alerts.delta': {
    version: 1,
    fields: {
      xch_Added: {
        kind: 'rows',
        max: 5000,
        fields: {
          xch_AlertId: text(80),
          xch_DocumentNumber: text(60),
          xch_IssuingState: country,
          xch_DocumentStatus: oneOf('lost', 'stolen', 'revoked', 'invalid'),
        },
      },
      xch_Withdrawn: { kind: 'rows', max: 5000, fields: { xch_AlertId: text(80) } },
    },
  },
  // Returnees and deportees without documents: the partner lists them, we answer each row (issue 17, §2).
  'nationality.verification_list': {
    version: 1,
    fields: {
      xch_ListRef: text(80),
      xch_Persons: {
        kind: 'rows',
        max: 2000,
        fields: {
          xch_RowId: text(80),
          ...NAMES,
          xch_ClaimedNationality: country,
          xch_HomeProvince: text(100),
          xch_HomeCommune: text(100),
          xch_ParentNames: text(300),
          xch_ReturnKind: oneOf('returnee', 'deportee'),
        },
      },
    },
  },
  'nationality.verification_answers': {
    version: 1,
    fields: {
      xch_ListRef: text(80),
      xch_Answers: {
        kind: 'rows',
        max: 2000,
        fields: {
          xch_RowId: text(80),
          xch_VerificationResult: oneOf('verified', 'not_verified', 'needs_interview'),
          xch_VerifyingOffice: text(200),
        },
      },
    },
  },
  // Persons on a partner's alert list, as changes; only where an agreement names this type (issue 17, §2).
  'alerts.persons_delta': {
    version: 1,
    fields: {
      xch_AddedPersons: {
        kind: 'rows',
        max: 5000,
        fields: {
          xch_AlertId: text(80),
          ...NAMES,
          prs_Nationality: country,
          // The categories of Passage's own alert lists that a partner may send.
          xch_AlertCategory: oneOf('wanted', 'suspected_trafficker', 'missing_person', 'child_at_risk'),
        },
      },
      xch_WithdrawnPersons: { kind: 'rows', max: 5000, fields: { xch_AlertId: text(80) } },
    },
  },
  'statistics.table': {
    version: 1,
    fields: {
      xch_Period: text(20),
      xch_Indicator: text(80),
      xch_Cells: {
        kind: 'rows',
        max: 1000,
        fields: { xch_Dimension: text(80), xch_Count: { kind: 'integer', min: 0, max: 10_000_000 } },
      },
    },
  },
} as const satisfies Record<string, { version: number; fields: Record<string, FieldKind> }>

export type MessageType = keyof typeof MESSAGE_TYPES
export const MESSAGE_TYPE_NAMES = Object.keys(MESSAGE_TYPES) as MessageType[]

export function isMessageType(t: string): t is MessageType {
  return Object.hasOwn(MESSAGE_TYPES, t)
}

export function fieldsOf(type: MessageType): Readonly<Record<string, FieldKind>> {
  return MESSAGE_TYPES[type].fields
}

function schemaOf(f: FieldKind): Record<string, unknown> {
  switch (f.kind) {
    case 'text':
      return { type: 'string', maxLength: f.max }
    case 'date':
      return { type: 'string', format: 'date' }
    case 'datetime':
      return { type: 'string', format: 'date-time' }
    case 'country':
      return { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }
    case 'phone':
      return { type: 'string', pattern: '^\\+[1-9]\\d{1,14}$', description: 'E.164' }
    case 'integer':
      return { type: 'integer', minimum: f.min, maximum: f.max }
    case 'enum':
      return { enum: [...f.values] }
    case 'enums':
      return { type: 'array', items: { enum: [...f.values] }, uniqueItems: true }
    case 'rows':
      return {
        type: 'array',
        maxItems: f.max,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k, schemaOf(v)])),
        },
      }
  }
}

/** The published JSON Schema (2020-12) of one message type's content. */
export function jsonSchemaOf(type: MessageType): Record<string, unknown> {
  const t = MESSAGE_TYPES[type]
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:passage:exchange:${type}:${t.version}`,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(t.fields).map(([k, v]) => [k, schemaOf(v)])),
  }
}
