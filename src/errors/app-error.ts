import { ERROR_CODES, type ErrorCode } from './codes.js'

/** One invalid field of a request and what is wrong with it. */
export interface FieldProblem {
  message: string
  property: string | undefined
}

export interface AppErrorOptions {
  /** The input field that is wrong, as the client named it. */
  property?: string
  /** Whether the message may be shown to the client; 5xx messages never are. */
  isPublic?: boolean
  cause?: unknown
  /** For TOO_MANY_REQUESTS: when the client may try again, sent as `Retry-After`. */
  retryAfterSeconds?: number
  /** For VALIDATION_FAILED: the request's other invalid fields, each answered after this one. */
  otherProblems?: readonly FieldProblem[]
}

/** The one error type of Masthead: a stable code, its HTTP status and a readable message. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly property: string | undefined
  readonly isPublic: boolean
  readonly retryAfterSeconds: number | undefined
  readonly otherProblems: readonly FieldProblem[]

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.status = ERROR_CODES[code]
    this.property = options.property
    this.isPublic = options.isPublic ?? this.status < 500
    this.retryAfterSeconds = options.retryAfterSeconds
    this.otherProblems = options.otherProblems ?? []
  }
}

/** Narrows an unknown thrown value to an AppError with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code)
}
