/**
 * The catalogue of error codes. Each code has one HTTP status; docs/errors.md lists them all and a
 * test keeps the two in step.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  GONE: 410,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  STALE_REVISION: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  DATABASE_UNREACHABLE: 503,
  SCHEMA_TOO_NEW: 500,
} as const

export type ErrorCode = keyof typeof ERROR_CODES
