import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSiteApp, createDemoSite } from '../helpers/demo-site.js'
import { parseHtml } from '../helpers/html.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'

/** The directives of a Content-Security-Policy header, by name. */
function directivesOf(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string')
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values]),
  )
}

let store: TestStore
let app: FastifyInstance

beforeAll(async () => {
  store = await createTestStore('sqlite')
  app = await createDemoSite(store)
})

afterAll(async () => {
  await app.close()
  await store.dispose()
})

async function livePaths(): Promise<string[]> {
  const article = await store.db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('bodyHtml', 'like', '%gallery-block%')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const articlePath = (await app.inject({ url: `/en/x/${article.id}` })).headers.location
  return ['/en/', '/ar/', String(articlePath), '/en/search?q=port', '/ar/contact', '/en/rss.xml']
}

describe('security headers', () => {
  it('gives public pages a policy that allows scripts from this origin only', async () => {
    for (const url of await livePaths()) {
      const response = await app.inject({ url })
      expect(response.statusCode, url).toBe(200)
      const policy = directivesOf(response.headers['content-security-policy'])
      expect(policy.get('script-src'), url).toEqual(["'self'"])
      expect(policy.get('object-src')).toEqual(["'none'"])
      expect(policy.get('base-uri')).toEqual(["'none'"])
      expect(policy.get('frame-ancestors')).toEqual(["'self'"])
      // The demo site is https: browsers must come back over TLS, and upgrade stray http links.
      expect(policy.has('upgrade-insecure-requests')).toBe(true)
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    }
  })

  it('renders no inline script on public pages (JSON-LD data aside)', async () => {
    for (const url of await livePaths()) {
      const response = await app.inject({ url })
      if (!String(response.headers['content-type']).startsWith('text/html')) continue
      const inline = parseHtml(response.body)
        .querySelectorAll('script')
        .filter((script) => !script.getAttribute('src'))
        .filter((script) => script.getAttribute('type') !== 'application/ld+json')
      expect(
        inline.map((script) => script.toString()),
        url,
      ).toEqual([])
      // Event-handler attributes are inline script too.
      expect(response.body, url).not.toMatch(/\son[a-z]+\s*=/i)
    }
  })

  it('lets nobody frame the newsroom app or the APIs', async () => {
    for (const url of ['/admin', '/admin/articles/1', '/api/admin/session', '/api/v1/articles']) {
      const response = await app.inject({ url })
      const policy = directivesOf(response.headers['content-security-policy'])
      expect(policy.get('frame-ancestors'), url).toEqual(["'none'"])
      expect(response.headers['x-frame-options'], url).toBe('DENY')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
    }
    const api = directivesOf(
      (await app.inject({ url: '/api/v1/articles' })).headers['content-security-policy'],
    )
    expect(api.get('default-src')).toEqual(["'none'"])
    const admin = directivesOf(
      (await app.inject({ url: '/admin' })).headers['content-security-policy'],
    )
    expect(admin.get('script-src')).toEqual(["'self'"])
  })

  it('sends no HSTS when the site is served over plain http', async () => {
    const plain = await buildSiteApp(store, { MASTHEAD_SITE_URL: 'http://localhost:3000' })
    try {
      const response = await plain.inject({ url: '/en/' })
      expect(response.headers['strict-transport-security']).toBeUndefined()
      const policy = directivesOf(response.headers['content-security-policy'])
      expect(policy.has('upgrade-insecure-requests')).toBe(false)
    } finally {
      await plain.close()
    }
  })

  it('keeps the headers on errors', async () => {
    const response = await app.inject({ url: '/en/no-such-page-anywhere' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-security-policy']).toContain("script-src 'self'")
  })
})
