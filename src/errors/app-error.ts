import { ERROR_CODES, type ErrorCode } from './codes.js'

export interface AppErrorOptions {
  /** The input field that is wrong, as the client named it. */
  property?: string
  /** Whether the message may be shown to the client; 5xx messages never are. */
  isPublic?: boolean
  cause?: unknown
  /** For TOO_MANY_REQUESTS: when the client may try again, sent as `Retry-After`. */
  retryAfterSeconds?: number
}

/** The one error type of Masthead: a stable code, its HTTP status and a readable message. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly property: string | undefined
  readonly isPublic: boolean
  readonly retryAfterSeconds: number | undefined

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.status = ERROR_CODES[code]
    this.property = options.property
    this.isPublic = options.isPublic ?? this.status < 500
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

/** Narrows an unknown thrown value to an AppError with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code)
}
