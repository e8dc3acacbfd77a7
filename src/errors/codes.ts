/**
 * The catalogue of error codes. Each code has one HTTP status; docs/errors.md lists them all and a
 * test keeps the two in step.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  MEDIA_IN_USE: 409,
  MEDIA_TOO_LARGE: 413,
  MEDIA_UNSUPPORTED_TYPE: 415,
  MEDIA_CORRUPT: 422,
  MEDIA_TOO_MANY_PIXELS: 422,
  INTERNAL: 500,
  DATABASE_UNREACHABLE: 503,
  SCHEMA_TOO_NEW: 500,
} as const

export type ErrorCode = keyof typeof ERROR_CODES
