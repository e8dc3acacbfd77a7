import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
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
 * Renders a server error as an HTML document for the request, or answers undefined when the
 * request wants the JSON body (the APIs, the newsroom app).
 */
export type ErrorPageRenderer = (
  request: Pick<FastifyRequest, 'id' | 'url'>,
  error: AppError,
) => string | undefined

/** The page for a server error, or undefined: a renderer that fails is logged and JSON is sent. */
function renderedPage(
  request: FastifyRequest,
  appError: AppError,
  renderPage: ErrorPageRenderer | undefined,
): string | undefined {
  if (!renderPage || appError.status < 500) return undefined
  try {
    return renderPage(request, appError)
  } catch (error) {
    request.log.error({ err: error }, 'error page failed')
    return undefined
  }
}

function sendJson(reply: FastifyReply, appError: AppError): FastifyReply {
  const problems = [
    {
      message: appError.isPublic ? appError.message : 'Internal server error',
      property: appError.property,
    },
    // A request with several invalid fields is told of each, one entry per field, after the first.
    ...(appError.isPublic ? appError.otherProblems : []),
  ]
  const body: ErrorBody = {
    errors: problems.map(({ message, property }) => ({
      code: appError.code,
      message,
      ...(property ? { property } : {}),
    })),
  }
  return reply.send(body)
}

/**
 * The one place errors become responses: `{ "errors": [{ code, message, property }] }` (one entry
 * per invalid field of a request) with the
 * code's status, or for a server error the page `renderPage` makes (the public site's). Details
 * of server errors are logged once, never sent.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  options: { renderPage?: ErrorPageRenderer } = {},
): void {
  app.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
    const appError = toAppError(error)
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed')
    if (appError.retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(Math.ceil(appError.retryAfterSeconds)))
    }
    void reply.status(appError.status).header('cache-control', 'no-store')
    const page = renderedPage(request, appError, options.renderPage)
    if (page === undefined) return sendJson(reply, appError)
    return reply.type('text/html; charset=utf-8').send(page)
  })
}
