import type { IncomingMessage, ServerResponse } from 'node:http'
import { chooseEncoding, type CachedPage, type Encoding, type PageCache } from './page-cache.js'
import { etagOf, isClientCopyCurrent } from './cached-page-validators.js'
import { requestIdOf } from '../http/request-id.js'

interface HitHeaders {
  full: Record<string, string>
  /** A 304 carries the validators and caching headers, not the body's type or length. */
  notModified: Record<string, string>
}

/**
 * Answers GET and HEAD for cached pages straight from the HTTP server, before Fastify routes,
 * hooks and per-request logging: a hit costs a map lookup and one write, which is what lets a
 * Node process stand near a static file server. Misses, and everything else, go on to Fastify,
 * where the page-cache hook renders once for all waiting requests. Hits are not logged one by
 * one; they are counted in the page cache's stats.
 */
export function createCacheHitResponder(options: {
  cache: PageCache
  /** The security headers every response of a URL carries. */
  headersFor: (url: string) => Readonly<Record<string, string>>
}): (request: IncomingMessage, response: ServerResponse) => boolean {
  const { cache, headersFor } = options
  // An entry's response headers per encoding, built on its first hit in that encoding.
  const builtHeaders = new WeakMap<CachedPage, Partial<Record<Encoding, HitHeaders>>>()

  function headersOf(url: string, page: CachedPage, encoding: Encoding): HitHeaders {
    let byEncoding = builtHeaders.get(page)
    if (!byEncoding) builtHeaders.set(page, (byEncoding = {}))
    let headers = byEncoding[encoding]
    if (!headers) {
      const notModified: Record<string, string> = {
        ...headersFor(url),
        ...page.headers,
        etag: etagOf(page, encoding),
        'x-cache': 'HIT',
      }
      delete notModified['content-type']
      headers = {
        notModified,
        full: {
          ...notModified,
          'content-type': page.headers['content-type'] ?? 'application/octet-stream',
          'content-length': String((page[encoding] ?? page.identity).length),
          ...(encoding !== 'identity' && { 'content-encoding': encoding }),
        },
      }
      byEncoding[encoding] = headers
    }
    return headers
  }

  return (request, response) => {
    const { method, url = '/' } = request
    if (method !== 'GET' && method !== 'HEAD') return false
    // Misses are counted by the page-cache hook, for the routes it may fill.
    const page = cache.get(url, { isMissCounted: false })
    if (!page) return false
    const encoding = chooseEncoding(request.headers['accept-encoding'], page)
    const headers = headersOf(url, page, encoding)
    response.setHeader('x-request-id', requestIdOf(request))
    if (isClientCopyCurrent(request.headers, page)) {
      response.writeHead(304, headers.notModified).end()
      return true
    }
    response.writeHead(page.status, headers.full)
    response.end(method === 'HEAD' ? undefined : (page[encoding] ?? page.identity))
    return true
  }
}
