import { z } from 'zod'
import { PASSWORD_MAX_LENGTH } from '../../domain/identity/password-rules.ts'
import { ROLES, SCOPES } from '../../domain/identity/roles.ts'
import { text } from '../../platform/http/text.ts'

export const username = text()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/i)
  .describe('Letters, digits, dot, dash or underscore; case-insensitive')

const password = text().min(1).max(PASSWORD_MAX_LENGTH)

export const SignInBody = z.strictObject({
  username: text().min(1).max(100),
  password,
  /** Sent only when the language was chosen on the sign-in page; it then becomes the profile's. */
  locale: z.enum(['en', 'km']).optional(),
})
export const ChangePasswordBody = z.strictObject({ currentPassword: password, newPassword: password })
export const LocaleBody = z.strictObject({ locale: z.enum(['en', 'km']) })

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  agencyCode: z.string(),
  postCode: z.string().nullable(),
  scope: z.enum(SCOPES),
  disabled: z.boolean(),
  locale: z.enum(['en', 'km']),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
})

export const SessionView = z.object({
  user: UserView,
  csrfToken: z.string(),
  capabilities: z.array(z.string()),
})

export const CreateUserBody = z.strictObject({
  username,
  displayName: text().trim().min(1).max(120),
  role: z.enum(ROLES),
  agencyCode: text().min(1).max(20),
  postCode: text().min(1).max(40).nullable(),
  scope: z.enum(SCOPES),
  password,
  locale: z.enum(['en', 'km']).optional(),
})

export const UpdateUserBody = z
  .strictObject({
    displayName: text().trim().min(1).max(120),
    role: z.enum(ROLES),
    agencyCode: text().min(1).max(20),
    postCode: text().min(1).max(40).nullable(),
    scope: z.enum(SCOPES),
    disabled: z.boolean(),
  })
  .partial()

export const ResetPasswordBody = z.strictObject({ password })
export const UserParams = z.strictObject({ id: z.uuid() })

export const UserListQuery = z.strictObject({
  agencyCode: text().max(20).optional(),
  postCode: text().max(40).optional(),
  role: z.enum(ROLES).optional(),
  search: text().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
