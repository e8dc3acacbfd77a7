import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync } from 'node:zlib'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createPageCache, type PageCache } from './page-cache.js'
import { createCacheHitResponder } from './cache-hit-fast-path.js'
import { createSecurityHeaders } from '../http/security-headers.js'

const PAGE = Buffer.from(`<!doctype html><title>Harbour</title>${'<p>A quiet day.</p>'.repeat(60)}`)

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

let cache: PageCache
let server: Server
let base: string
/** Requests that reached the fallback handler. */
let fallbackCalls: string[]

beforeEach(async () => {
  cache = createPageCache({ maxBytes: 1 << 20 })
  fallbackCalls = []
  const answerHit = createCacheHitResponder({
    cache,
    headersFor: createSecurityHeaders('https://news.example'),
  })
  server = createServer((request, response) => {
    if (answerHit(request, response)) return
    fallbackCalls.push(`${request.method} ${request.url}`)
    response.writeHead(200, { 'content-type': 'text/plain' }).end('rendered')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve))
})

/** A raw request, so no client decompresses or adds headers behind the test's back. */
function send(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = httpRequest(`${base}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

async function storeArticle(path: string) {
  cache.set(
    path,
    {
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'public, max-age=60',
      },
      etag: '"article-etag"',
      identity: PAGE,
      tags: ['a:1'],
      expiresAt: Date.now() + 60_000,
    },
    cache.generation(),
  )
  await cache.settled()
}

it('answers a cached page itself, with its headers and the security headers', async () => {
  await storeArticle('/en/news/harbour')
  const answer = await send('/en/news/harbour')
  expect(answer.status).toBe(200)
  expect(answer.body.equals(PAGE)).toBe(true)
  expect(answer.headers['x-cache']).toBe('HIT')
  expect(answer.headers['etag']).toBe('"article-etag"')
  expect(answer.headers['content-length']).toBe(String(PAGE.length))
  expect(answer.headers['cache-control']).toBe('public, max-age=60')
  expect(answer.headers['content-security-policy']).toContain("script-src 'self'")
  expect(answer.headers['strict-transport-security']).toMatch(/max-age=/)
  expect(fallbackCalls).toEqual([])
})

it('serves the brotli bytes to a client that accepts them', async () => {
  await storeArticle('/en/news/harbour')
  const answer = await send('/en/news/harbour', { 'accept-encoding': 'gzip, br' })
  expect(answer.headers['content-encoding']).toBe('br')
  expect(answer.headers['etag']).toBe('"article-etag-br"')
  expect(brotliDecompressSync(answer.body).equals(PAGE)).toBe(true)
  expect(Number(answer.headers['content-length'])).toBe(answer.body.length)
})

it('answers 304 without a body when the client names the current ETag', async () => {
  await storeArticle('/en/news/harbour')
  const answer = await send('/en/news/harbour', { 'if-none-match': '"article-etag"' })
  expect(answer.status).toBe(304)
  expect(answer.body.length).toBe(0)
  expect(answer.headers['etag']).toBe('"article-etag"')
  expect(answer.headers['content-type']).toBeUndefined()
})

it('answers HEAD with the length and no body, and carries a request id', async () => {
  await storeArticle('/en/news/harbour')
  const answer = await send('/en/news/harbour', { 'x-request-id': 'trace-42' }, 'HEAD')
  expect(answer.status).toBe(200)
  expect(answer.body.length).toBe(0)
  expect(answer.headers['content-length']).toBe(String(PAGE.length))
  expect(answer.headers['x-request-id']).toBe('trace-42')
  const unnamed = await send('/en/news/harbour')
  expect(unnamed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
})

it('hands misses, purged pages and other methods to the application, counting no miss', async () => {
  await storeArticle('/en/news/harbour')
  cache.purge(['a:1'])
  expect((await send('/en/news/harbour')).body.toString()).toBe('rendered')
  expect((await send('/en/news/harbour', {}, 'POST')).body.toString()).toBe('rendered')
  expect(fallbackCalls).toEqual(['GET /en/news/harbour', 'POST /en/news/harbour'])
  // The fast path's lookups never count a miss: the page-cache hook counts those it may fill.
  expect(cache.stats().misses).toBe(0)
})

it('keys by path and query, so another query is another page', async () => {
  await storeArticle('/en/search?q=harbour')
  expect((await send('/en/search?q=harbour')).headers['x-cache']).toBe('HIT')
  expect((await send('/en/search?q=market')).body.toString()).toBe('rendered')
})
