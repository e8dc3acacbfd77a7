import { z } from 'zod'
import { INSTANT } from '../../http/response-schemas.js'
import { USER_ROLES } from '../users/user-queries.js'
import { PERMISSIONS, TOKEN_SCOPES, type Permission } from './permissions.js'

/** What the Admin API answers about sessions and accounts. */

const ROLE = z.enum(USER_ROLES as [string, ...string[]]).meta({ id: 'UserRole' })

export const PERMISSION_NAME = z
  .enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]])
  .meta({ id: 'Permission', description: 'A permission of the access matrix (docs/api.md)' })

export const USER = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: ROLE,
    uiLanguage: z
      .string()
      .nullable()
      .describe('The interface language chosen in the profile (en, ar); null until chosen'),
    isDisabled: z.boolean(),
    lastLoginAt: INSTANT.nullable(),
    createdAt: INSTANT,
  })
  .meta({ id: 'User', description: 'A newsroom account' })

export const SESSION = z
  .object({
    user: USER.extend({ hasTwoFactor: z.boolean().optional() }),
    csrfToken: z.string().nullable(),
    permissions: z
      .array(PERMISSION_NAME)
      .describe("The permissions the person's role holds (docs/api.md, Access)"),
  })
  .meta({ id: 'Session', description: 'The signed-in person, their permissions and CSRF token' })

export const ACCOUNT_LISTING = z
  .object({ id: z.number().int(), name: z.string(), email: z.string(), isDisabled: z.boolean() })
  .meta({ id: 'AccountListing', description: 'An account as the directory lists it' })

export const TWO_FACTOR_ENROLMENT = z.object({ secret: z.string(), uri: z.string() })

export const API_TOKEN = z
  .object({
    id: z.number().int(),
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES as [string, ...string[]])),
    createdBy: z.number().int().nullable(),
    createdAt: INSTANT,
    lastUsedAt: INSTANT.nullable(),
    revokedAt: INSTANT.nullable(),
  })
  .meta({ id: 'ApiToken', description: 'An API token, never its secret' })

export const NEW_API_TOKEN = API_TOKEN.extend({
  token: z.string().describe('The secret (mst_…), in this answer only'),
})
