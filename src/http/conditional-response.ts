import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** A strong ETag from the body's bytes. */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(request: FastifyRequest, etag: string): boolean {
  return (request.headers['if-none-match'] ?? '').split(',').some((tag) => {
    const candidate = tag.trim()
    return candidate === '*' || candidate === etag || candidate === `W/${etag}`
  })
}

/** Whether the client's copy, named by If-None-Match or If-Modified-Since, is current. */
export function isFresh(request: FastifyRequest, etag: string, lastModified: Date): boolean {
  // RFC 9110 §13.1.2: If-None-Match wins; If-Modified-Since counts only without it.
  if (request.headers['if-none-match'] !== undefined) return matchesIfNoneMatch(request, etag)
  const ifModifiedSince = Date.parse(request.headers['if-modified-since'] ?? '')
  // HTTP dates have whole seconds.
  return (
    Number.isFinite(ifModifiedSince) &&
    Math.floor(lastModified.getTime() / 1000) * 1000 <= ifModifiedSince
  )
}

/**
 * Sends a body with ETag and Last-Modified, or 304 without a body when the client's copy is
 * current. The 304 repeats the validators and Cache-Control.
 */
export function sendConditional(
  request: FastifyRequest,
  reply: FastifyReply,
  input: { body: string; contentType: string; lastModified: Date; cacheControl: string },
): FastifyReply {
  const etag = strongEtag(input.body)
  reply
    .header('etag', etag)
    .header('last-modified', input.lastModified.toUTCString())
    .header('cache-control', input.cacheControl)
    .header('vary', 'Accept-Encoding')
  if (isFresh(request, etag, input.lastModified)) return reply.status(304).send()
  return reply.header('content-type', input.contentType).send(input.body)
}
