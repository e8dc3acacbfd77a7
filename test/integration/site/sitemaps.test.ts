import { execFileSync } from 'node:child_process'
import { XMLParser } from 'fast-xml-parser'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../../src/modules/access/actor.js'
import { createArticle } from '../../../src/modules/articles/article-queries.js'
import { createDemoSite, TEST_SITE_URL } from '../../helpers/demo-site.js'
import { hoursAgo, TEST_NOW } from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['url', 'sitemap', 'xhtml:link', 'image:image'].includes(name),
})
type XmlNode = Record<string, unknown>

function parseWellFormed(xml: string): XmlNode {
  execFileSync('xmllint', ['--noout', '-'], { input: xml })
  return parser.parse(xml) as XmlNode
}

const urlsOf = (xml: string) =>
  ((parseWellFormed(xml)['urlset'] as XmlNode)['url'] as XmlNode[] | undefined) ?? []
const path = (url: string) => url.replace(TEST_SITE_URL, '')

describeEachDatabase('sitemaps and robots.txt', (store) => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await createDemoSite(store())
  })
  afterAll(async () => {
    await app.close()
  })
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers })

  it('lists the sitemaps in robots.txt and keeps crawlers out of the newsroom', async () => {
    const response = await get('/robots.txt')
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(response.body).toContain('Disallow: /admin\n')
    expect(response.body).toContain('Disallow: /api/admin\n')
    expect(response.body).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap.xml`)
    expect(response.body).toContain(`Sitemap: ${TEST_SITE_URL}/sitemaps/news-ar.xml`)
  })

  it('indexes a sitemap per edition and month, news, sections, tags, authors and pages', async () => {
    const response = await get('/sitemap.xml')
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8')
    const sitemaps = (
      (parseWellFormed(response.body)['sitemapindex'] as XmlNode)['sitemap'] as XmlNode[]
    ).map((entry) => String(entry['loc']))
    for (const language of ['en', 'ar']) {
      for (const kind of ['news', 'sections', 'tags', 'authors', 'pages'])
        expect(sitemaps).toContain(`${TEST_SITE_URL}/sitemaps/${kind}-${language}.xml`)
    }
    const monthly = sitemaps.filter((loc) => /articles-(en|ar)-\d{4}-\d{2}\.xml$/.test(loc))
    expect(monthly.length).toBeGreaterThan(10)
    let articles = 0
    for (const loc of monthly) {
      const urls = urlsOf((await get(path(loc))).body)
      for (const url of urls) {
        expect(String(url['loc'])).toMatch(/^https:\/\/news\.example\/(en|ar)\//)
        expect(Date.parse(String(url['lastmod']))).not.toBeNaN()
      }
      articles += urls.length
    }
    expect(articles).toBe(86)
  })

  it('gives each translated article its hreflang pair with x-default, and its image', async () => {
    const translated = await store()
      .db.selectFrom('articles')
      .select(['id', 'publishedAt'])
      .where('language', '=', 'ar')
      .where('translationGroup', 'is not', null)
      .executeTakeFirstOrThrow()
    const month = String(translated.publishedAt).slice(0, 7)
    const urls = urlsOf((await get(`/sitemaps/articles-ar-${month}.xml`)).body)
    const url = urls.find((candidate) => String(candidate['loc']).includes(`/${translated.id}-`))
    const hreflangs = ((url?.['xhtml:link'] as XmlNode[]) ?? []).map((link) => link['@hreflang'])
    expect(hreflangs.sort()).toEqual(['ar', 'en', 'x-default'])
    expect(String(((url?.['image:image'] as XmlNode[])[0] ?? {})['image:loc'])).toMatch(
      /^https:\/\/news\.example\/media\//,
    )
  })

  it('lists only the last 48 hours in the Google News sitemap, with publication and title', async () => {
    const urls = urlsOf((await get('/sitemaps/news-en.xml')).body)
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) {
      const news = url['news:news'] as XmlNode
      expect(news['news:publication']).toEqual({
        'news:name': 'Masthead News',
        'news:language': 'en',
      })
      const published = Date.parse(String(news['news:publication_date']))
      expect(TEST_NOW.getTime() - published).toBeLessThanOrEqual(48 * 3_600_000)
      expect(news['news:title']).toBeTruthy()
    }
  })

  it('leaves drafts, scheduled and unpublished articles out, and shows a new one at once', async () => {
    const { db } = store()
    const section = await db.selectFrom('sections').select('id').executeTakeFirstOrThrow()
    const base = {
      language: 'en',
      sectionId: section.id,
      bodyDoc: { type: 'doc' as const, content: [] },
    }
    await createArticle(db, { ...base, status: 'draft', headline: 'Hidden draft story' }, TEST_NOW)
    await createArticle(
      db,
      {
        ...base,
        status: 'scheduled',
        headline: 'Hidden scheduled story',
        scheduledAt: hoursAgo(-5),
        publishedAt: hoursAgo(-5),
      },
      TEST_NOW,
    )
    await createArticle(
      db,
      {
        ...base,
        status: 'unpublished',
        headline: 'Hidden withdrawn story',
        publishedAt: hoursAgo(2),
      },
      TEST_NOW,
    )
    await createArticle(
      db,
      {
        ...base,
        status: 'published',
        headline: 'Fresh visible story',
        publishedAt: hoursAgo(0.01),
      },
      TEST_NOW,
    )
    // Written to the database directly, past the events that purge the page cache.
    app.newsroom.pageCache.clear()
    const bodies = [
      (await get('/sitemaps/news-en.xml')).body,
      (await get(`/sitemaps/articles-en-${TEST_NOW.toISOString().slice(0, 7)}.xml`)).body,
      (await get('/en/rss.xml')).body,
    ]
    for (const body of bodies) {
      expect(body).not.toContain('hidden-')
      expect(body).not.toContain('Hidden')
    }
    expect(bodies[0]).toContain('Fresh visible story')
    expect(bodies[1]).toContain('fresh-visible-story')
    expect(bodies[2]).toContain('Fresh visible story')
  })

  it("changes a month's ETag and lastmod when a translation published in another month pairs with it", async () => {
    const { db } = store()
    const section = await db.selectFrom('sections').select('id').executeTakeFirstOrThrow()
    const base = { sectionId: section.id, bodyDoc: { type: 'doc' as const, content: [] } }
    const translationGroup = 'sitemap-pair-check'
    await createArticle(
      db,
      {
        ...base,
        language: 'en',
        status: 'published',
        headline: 'Paired story from March',
        publishedAt: '2026-03-10T09:00:00.000Z',
        translationGroup,
      },
      new Date('2026-03-10T09:00:00.000Z'),
    )
    const translation = await createArticle(
      db,
      { ...base, language: 'ar', status: 'draft', headline: 'قصة مترجمة', translationGroup },
      new Date('2026-03-10T09:00:00.000Z'),
    )
    const url = '/sitemaps/articles-en-2026-03.xml'
    const monthEntry = async () =>
      /<loc>[^<]*articles-en-2026-03\.xml<\/loc><lastmod>([^<]+)/.exec(
        (await get('/sitemap.xml')).body,
      )?.[1]
    const before = await get(url)
    const lastmodBefore = await monthEntry()
    await app.newsroom.articles.transition({ actor: systemActor, ipAddress: null }, translation, {
      action: 'publish',
    })
    const after = await get(url, { 'if-none-match': String(before.headers['etag']) })
    expect(after.statusCode).toBe(200)
    expect(after.body).toContain('hreflang="ar"')
    expect(after.headers['etag']).not.toBe(before.headers['etag'])
    expect(await monthEntry()).not.toBe(lastmodBefore)
  })

  it('answers 304 for unchanged sitemaps', async () => {
    for (const url of [
      '/sitemap.xml',
      '/sitemaps/sections-ar.xml',
      `/sitemaps/articles-en-${TEST_NOW.toISOString().slice(0, 7)}.xml`,
    ]) {
      const first = await get(url)
      expect(first.headers['etag'], url).toBeTruthy()
      const conditionalHeaders: Record<string, string>[] = [
        { 'if-none-match': String(first.headers['etag']) },
        { 'if-none-match': `W/${String(first.headers['etag'])}` },
        { 'if-modified-since': String(first.headers['last-modified']) },
      ]
      for (const headers of conditionalHeaders)
        expect((await get(url, headers)).statusCode, `${url} ${JSON.stringify(headers)}`).toBe(304)
    }
    expect((await get('/sitemaps/articles-en-1999-01.xml')).statusCode).toBe(404)
    expect((await get('/sitemaps/whatever.xml')).statusCode).toBe(404)
    expect((await get('/sitemaps/articles-en-2025-13.xml')).statusCode).toBe(404)
  })
})
