import type { FastifyError, FastifyInstance } from 'fastify'
import { isConnectionFailure } from '../db/connection-failure.js'
import { AppError } from '../errors/app-error.js'

/** What a client is told to wait while the database is away (a restart takes seconds). */
const DATABASE_RETRY_AFTER_SECONDS = 5

interface ErrorBody {
  errors: { code: string; message: string; property?: string }[]
}

/** Constraint violations both databases report, by their own codes. */
function constraintViolation(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown }).code
  if (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  ) {
    return new AppError('CONFLICT', 'A record with the same unique value already exists', {
      cause: error,
    })
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AppError(
      'CONFLICT',
      'The record is in use, or refers to a record that does not exist',
      {
        cause: error,
      },
    )
  }
  return undefined
}

function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error
  const violation = constraintViolation(error)
  if (violation) return violation
  if (isConnectionFailure(error))
    return new AppError(
      'DATABASE_UNREACHABLE',
      'The database is not reachable; try again shortly',
      {
        cause: error,
        isPublic: true,
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      },
    )
  if (error.validation) {
    const first = error.validation[0]
    const property = first?.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined
    return new AppError('VALIDATION_FAILED', error.message, { property, cause: error })
  }
  if (error.statusCode === 413)
    return new AppError('BODY_TOO_LARGE', 'The request body is too large', { cause: error })
  if (error.statusCode && error.statusCode < 500) {
    return new AppError(
      error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED',
      error.message,
      { cause: error },
    )
  }
  return new AppError('INTERNAL', 'Internal server error', { cause: error, isPublic: false })
}

/**
 * The one place errors become responses: `{ "errors": [{ code, message, property }] }` with the
 * code's status. Details of server errors are logged, never sent.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
    const appError = toAppError(error)
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed')
    const body: ErrorBody = {
      errors: [
        {
          code: appError.code,
          message: appError.isPublic ? appError.message : 'Internal server error',
          ...(appError.property ? { property: appError.property } : {}),
        },
      ],
    }
    if (appError.retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(Math.ceil(appError.retryAfterSeconds)))
    }
    return reply.status(appError.status).header('cache-control', 'no-store').send(body)
  })
}
