import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { FastifyInstance } from 'fastify'
import { requestContext } from '../platform/logger.js'

/** What a proxy's or client's id may look like to be kept: short, and safe in logs and headers. */
const SANE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/

/** The incoming `X-Request-Id` when it is sane, a new UUID otherwise. */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const incoming = request.headers['x-request-id']
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

/**
 * Echoes the request id in `X-Request-Id` and makes it the context of the work done for the
 * request, so lines logged by services and event listeners carry it too.
 */
export function registerRequestId(app: FastifyInstance): void {
  // Both hooks: the body is parsed between them, in the socket's context rather than the request's.
  app.addHook('onRequest', (request, _reply, done) =>
    requestContext.run({ reqId: request.id }, done),
  )
  app.addHook('preHandler', (request, _reply, done) =>
    requestContext.run({ reqId: request.id }, done),
  )
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
}
