import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { chooseEncoding, type CachedPage, type PageCache } from './page-cache.js'
import { CACHE_POLICIES, type CacheKind } from '../http/cache-policy.js'
import { etagOf, isClientCopyCurrent } from './cached-page-validators.js'
import { strongEtag } from '../http/conditional-response.js'

/** What a handler declares to have its answer cached: its kind and what it was built from. */
interface CacheDeclaration {
  kind: CacheKind
  /** Read when the response is sent, so tags added after the declaration count too. */
  tags: Iterable<string>
}

interface Flight {
  /** The cache's purge generation when the render started. */
  generation: number
  done: Promise<void>
  finish(): void
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A public route whose answers are never the same twice (an event stream): requests for it
     * neither read the page cache nor wait for one another.
     */
    isNeverCached?: boolean
  }
  interface FastifyRequest {
    /** Set on the one request that renders a missing page while others wait for it. */
    pageCacheFlight: Flight | null
  }
  interface FastifyReply {
    pageCacheDeclaration: CacheDeclaration | null
  }
}

/** Headers an entry keeps from the response that filled it. */
const KEPT_HEADERS = ['content-type', 'last-modified', 'access-control-allow-origin'] as const

/**
 * Marks a response as cacheable: stored (status 200 only) with the tags it was built from. A Set
 * may still grow until the response is sent.
 */
export function cacheResponse(reply: FastifyReply, kind: CacheKind, tags: Iterable<string>): void {
  reply.pageCacheDeclaration = { kind, tags }
  void reply.header('cache-control', CACHE_POLICIES[kind].cacheControl)
}

function sendCached(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  const encoding = chooseEncoding(request.headers['accept-encoding'], page)
  void reply.headers(page.headers).header('etag', etagOf(page, encoding)).header('x-cache', 'HIT')
  if (isClientCopyCurrent(request.headers, page)) return reply.status(304).send()
  if (encoding !== 'identity') void reply.header('content-encoding', encoding)
  return reply.status(page.status).send(page[encoding] ?? page.identity)
}

function startFlight(generation: number): Flight {
  let finish = () => {}
  const done = new Promise<void>((resolve) => (finish = resolve))
  return { generation, done, finish }
}

/** Tags joined for CDN headers; Fastly and Varnish split on spaces, Cloudflare on commas. */
function surrogateHeaders(tags: readonly string[]): Record<string, string> {
  return { 'surrogate-key': tags.join(' '), 'cache-tag': tags.join(',') }
}

/**
 * Serves GET and HEAD from the page cache before anything else runs. On a miss the first request
 * renders while requests for the same key wait for it (no stampede), then are served its entry.
 * A response is stored only when its handler called `cacheResponse` and it answered 200.
 */
export function registerPageCache(
  app: FastifyInstance,
  options: { cache: PageCache; now?: () => number },
): void {
  const { cache } = options
  const now = options.now ?? Date.now
  const flights = new Map<string, Flight>()
  app.decorateRequest('pageCacheFlight', null)
  app.decorateReply('pageCacheDeclaration', null)

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return
    // Only public routes are ever stored; the others (the Admin API) must not queue behind a
    // render of the same URL.
    const route = request.routeOptions.config
    if (route.access !== 'public' || route.isNeverCached) return
    const key = request.url
    let page = cache.get(key)
    if (!page) {
      // HEAD reads the cache but never fills it: its answer has no body to keep.
      if (request.method === 'HEAD') return
      const pending = flights.get(key)
      if (!pending) {
        const flight = startFlight(cache.generation())
        flights.set(key, flight)
        request.pageCacheFlight = flight
        void flight.done.then(() => flights.delete(key))
        return
      }
      await pending.done
      page = cache.get(key, { isMissCounted: false })
      if (!page) return
    }
    return sendCached(request, reply, page)
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const declaration = reply.pageCacheDeclaration
    if (!request.pageCacheFlight || !declaration) return payload
    const tags = [...new Set(declaration.tags)].sort()
    void reply.headers(surrogateHeaders(tags)).header('x-cache', 'MISS')
    const isStorable =
      reply.statusCode === 200 && (typeof payload === 'string' || Buffer.isBuffer(payload))
    if (!isStorable) return payload
    const identity = typeof payload === 'string' ? Buffer.from(payload) : payload
    const headers: Record<string, string> = {
      ...surrogateHeaders(tags),
      'cache-control': CACHE_POLICIES[declaration.kind].cacheControl,
      vary: 'Accept-Encoding',
    }
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name)
      if (typeof value === 'string') headers[name] = value
    }
    const page = cache.set(
      request.url,
      {
        status: 200,
        headers,
        etag: strongEtag(identity),
        identity,
        tags,
        expiresAt: now() + CACHE_POLICIES[declaration.kind].keepSeconds * 1000,
      },
      request.pageCacheFlight.generation,
    )
    // The first reader after a purge (often a CDN) gets the bytes later readers will get.
    const acceptEncoding = request.headers['accept-encoding']
    const copies = acceptEncoding ? await cache.compressedCopiesOf(page) : {}
    const representations = { identity, ...copies }
    const encoding = chooseEncoding(acceptEncoding, representations)
    void reply.header('etag', etagOf(page, encoding)).header('vary', 'Accept-Encoding')
    if (isClientCopyCurrent(request.headers, page)) {
      void reply.status(304).removeHeader('content-type')
      return ''
    }
    if (encoding === 'identity') return payload
    void reply.header('content-encoding', encoding)
    return representations[encoding]
  })

  app.addHook('onResponse', (request, _reply, done) => {
    request.pageCacheFlight?.finish()
    done()
  })
  app.addHook('onRequestAbort', (request, done) => {
    request.pageCacheFlight?.finish()
    done()
  })
}
