import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoSite, TEST_SITE_URL } from '../../helpers/demo-site.js'
import { sitemapSchemaErrors } from '../../helpers/sitemap-schemas.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const locsOf = (index: string) =>
  [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '')

describeEachDatabase('sitemaps against the sitemap schemas', (store) => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await createDemoSite(store())
  })
  afterAll(async () => {
    await app.close()
  })

  it('serves a sitemap index valid against siteindex.xsd', async () => {
    const response = await app.inject('/sitemap.xml')
    expect(response.statusCode).toBe(200)
    expect(sitemapSchemaErrors(response.body, 'index')).toEqual([])
  })

  it('serves every sitemap of the index valid against sitemap.xsd with its extensions', async () => {
    const locs = locsOf((await app.inject('/sitemap.xml')).body)
    const kinds = new Set(locs.map((loc) => /\/sitemaps\/([a-z]+)-/.exec(loc)?.[1]))
    expect([...kinds].sort()).toEqual(['articles', 'authors', 'news', 'pages', 'sections', 'tags'])
    const elements = new Set<string>()
    for (const loc of locs) {
      const response = await app.inject(loc.replace(TEST_SITE_URL, ''))
      expect(response.statusCode, loc).toBe(200)
      expect(sitemapSchemaErrors(response.body, 'urlset'), loc).toEqual([])
      for (const element of ['<url>', '<xhtml:link ', '<image:image>', '<news:news>'])
        if (response.body.includes(element)) elements.add(element)
    }
    // The validation covered every extension the sitemaps use, not just bare urlsets.
    expect([...elements].sort()).toEqual(['<image:image>', '<news:news>', '<url>', '<xhtml:link '])
  })

  it('finds a served sitemap invalid once it breaks a schema rule', async () => {
    const news = (await app.inject('/sitemaps/news-en.xml')).body
    expect(sitemapSchemaErrors(news, 'urlset')).toEqual([])
    const broken = {
      'a news block without its title': news.replace(/<news:title>[^<]*<\/news:title>/, ''),
      'an hreflang link without hreflang': news.replace(/ hreflang="[^"]*"/, ''),
      'an image without its location': news.replace(/<image:loc>[^<]*<\/image:loc>/, ''),
      'a url without its location': news.replace(/<loc>[^<]*<\/loc>/, ''),
      'a lastmod that is no date': news.replace(/<lastmod>[^<]*</, '<lastmod>yesterday<'),
    }
    for (const [what, xml] of Object.entries(broken)) {
      expect(xml, what).not.toBe(news)
      expect(sitemapSchemaErrors(xml, 'urlset').length, what).toBeGreaterThan(0)
    }
    const index = (await app.inject('/sitemap.xml')).body
    const badMonth = index.replace(/<lastmod>[^<]*</, '<lastmod>2026-13-01<')
    expect(badMonth).not.toBe(index)
    expect(sitemapSchemaErrors(badMonth, 'index')).not.toEqual([])
    // A urlset is no sitemap index.
    expect(sitemapSchemaErrors(news, 'index')).not.toEqual([])
  })
})

describe('the sitemap schema check', () => {
  it('fails loudly rather than passing a document it could not read', () => {
    expect(() => sitemapSchemaErrors('<urlset', 'urlset')).toThrow(/xmllint could not validate/)
  })
})
