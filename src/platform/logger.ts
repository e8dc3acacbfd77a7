import { AsyncLocalStorage } from 'node:async_hooks'
import type { FastifyServerOptions } from 'fastify'
import type { LogLevel } from '../config/config.js'

/** The request a piece of work is done for, wherever it logs from (services, event listeners). */
export const requestContext = new AsyncLocalStorage<{ reqId: string }>()

/**
 * Fields that never reach the log, wherever they appear: credentials in headers, and secrets in
 * anything logged as an object (a request body, a config, an error's options).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
  'headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.secret',
  '*.csrfToken',
  '*.smtpUrl',
  '*.auth',
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'secret',
  'csrfToken',
  'smtpUrl',
  'auth',
]

interface LoggerWithBindings {
  bindings(): Record<string, unknown>
}

/**
 * Pino's options for the app: JSON lines at `level`, secrets redacted, and the id of the request
 * being served added to lines logged outside the request's own logger.
 */
export function createLoggerOptions(
  level: LogLevel,
  stream?: { write(line: string): void },
): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin(_object: object, _level: number, logger: LoggerWithBindings) {
      const context = requestContext.getStore()
      if (!context || 'reqId' in logger.bindings()) return {}
      return { reqId: context.reqId }
    },
    ...(stream ? { stream } : {}),
  }
}
