import { createServer, type RequestListener, type Server } from 'node:http'

/** How long the server waits on a client before it hangs up. */
export interface ServerTimeouts {
  /** From the connection's start to the end of the request's headers: slow-header clients. */
  headersMs: number
  /** For the whole request, body included: a large upload on a slow line still fits. */
  requestMs: number
  /** An idle kept-alive connection, between two requests. */
  keepAliveMs: number
  /** How often Node looks for connections past the first two limits. */
  checkEveryMs: number
}

export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = {
  headersMs: 15_000,
  requestMs: 120_000,
  keepAliveMs: 10_000,
  checkEveryMs: 5_000,
}

/** An HTTP server that drops clients too slow to send their request (slowloris and the like). */
export function createTimedServer(timeouts: ServerTimeouts, handler: RequestListener): Server {
  return createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    handler,
  )
}
