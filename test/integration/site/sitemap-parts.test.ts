import { XMLParser } from 'fast-xml-parser'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createArticle } from '../../../src/modules/articles/article-queries.js'
import { buildSiteApp, createDemoSite, TEST_SITE_URL } from '../../helpers/demo-site.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { sitemapSchemaErrors } from '../../helpers/sitemap-schemas.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

/** URLs per sitemap file in the split site: small, so that the demo's months come in parts. */
const LIMIT = 3
const MONTHLY = /\/sitemaps\/articles-(en|ar)-(\d{4}-\d{2})(?:-(\d+))?\.xml$/

const parser = new XMLParser({ isArray: (name) => ['url', 'sitemap'].includes(name) })
type Entry = { loc: string; lastmod?: string }

const entriesOf = (xml: string, root: 'urlset' | 'sitemapindex'): Entry[] => {
  const parsed = parser.parse(xml) as Record<string, Record<string, Entry[] | undefined>>
  return parsed[root]?.[root === 'urlset' ? 'url' : 'sitemap'] ?? []
}
const path = (url: string) => url.replace(TEST_SITE_URL, '')
const newest = (entries: Entry[]) =>
  Math.max(...entries.map((entry) => Date.parse(entry.lastmod ?? '')))

describeEachDatabase('monthly sitemaps split in parts', (store) => {
  /** The demo site with sitemap files of 50,000 URLs, and the same content in files of LIMIT. */
  let whole: FastifyInstance
  let split: FastifyInstance
  beforeAll(async () => {
    whole = await createDemoSite(store())
    split = await buildSiteApp(store(), {}, { sitemapUrlLimit: LIMIT })
  })
  afterAll(async () => {
    await split.close()
    await whole.close()
  })

  /** Every month of the index with the locs of its parts in order, from the split site. */
  async function partsByMonth(): Promise<Map<string, Entry[]>> {
    const months = new Map<string, Entry[]>()
    for (const entry of entriesOf((await split.inject('/sitemap.xml')).body, 'sitemapindex')) {
      const match = MONTHLY.exec(entry.loc)
      if (!match) continue
      const key = `${match[1]}-${match[2]}`
      months.set(key, [...(months.get(key) ?? []), entry])
    }
    return months
  }

  it('lists every part of a month in the index, each with its own lastmod', async () => {
    const months = await partsByMonth()
    const wholeMonthly = entriesOf((await whole.inject('/sitemap.xml')).body, 'sitemapindex')
      .map((entry) => entry.loc)
      .filter((loc) => MONTHLY.test(loc))
    // The same months, each named as before for its first part.
    expect([...months.values()].map((parts) => parts[0]?.loc).sort()).toEqual(wholeMonthly.sort())
    let splitMonths = 0
    for (const [month, parts] of months) {
      const wholeUrls = entriesOf((await whole.inject(path(parts[0]?.loc ?? ''))).body, 'urlset')
      expect(parts.length, month).toBe(Math.ceil(wholeUrls.length / LIMIT))
      if (parts.length > 1) splitMonths++
      const partUrls: Entry[] = []
      for (const [index, part] of parts.entries()) {
        const suffix = index === 0 ? '' : `-${index + 1}`
        expect(part.loc).toBe(`${TEST_SITE_URL}/sitemaps/articles-${month}${suffix}.xml`)
        const response = await split.inject(path(part.loc))
        expect(response.statusCode, part.loc).toBe(200)
        const urls = entriesOf(response.body, 'urlset')
        expect(urls.length, part.loc).toBeGreaterThan(0)
        expect(urls.length, part.loc).toBeLessThanOrEqual(LIMIT)
        expect(Date.parse(part.lastmod ?? ''), part.loc).toBe(newest(urls))
        expect(new Date(String(response.headers['last-modified'])).getTime()).toBe(
          Math.floor(newest(urls) / 1000) * 1000,
        )
        partUrls.push(...urls)
      }
      // Together the parts hold the month exactly: in order, nothing twice, nothing left out.
      expect(partUrls.map((url) => url.loc)).toEqual(wholeUrls.map((url) => url.loc))
    }
    expect(splitMonths).toBeGreaterThan(0)
  })

  it('serves parts that validate against the sitemap schemas', async () => {
    const [parts] = [...(await partsByMonth()).values()].filter((entries) => entries.length > 1)
    expect(parts?.length).toBeGreaterThan(1)
    expect(sitemapSchemaErrors((await split.inject('/sitemap.xml')).body, 'index')).toEqual([])
    for (const part of parts ?? [])
      expect(sitemapSchemaErrors((await split.inject(path(part.loc))).body, 'urlset')).toEqual([])
  })

  it('answers 404 past the last part and for part names that are not a part', async () => {
    const [month, parts] = [...(await partsByMonth()).entries()].find(
      ([, entries]) => entries.length > 1,
    ) ?? ['', []]
    const base = `/sitemaps/articles-${month}`
    expect((await split.inject(`${base}-${parts.length}.xml`)).statusCode).toBe(200)
    expect((await split.inject(`${base}-${parts.length + 1}.xml`)).statusCode).toBe(404)
    // Part 1 has one name only, and numbers are written one way.
    expect((await split.inject(`${base}-1.xml`)).statusCode).toBe(404)
    expect((await split.inject(`${base}-02.xml`)).statusCode).toBe(404)
    expect((await split.inject(`${base}-0.xml`)).statusCode).toBe(404)
    // A month that fits in one file has no second part.
    expect((await whole.inject(`${base}.xml`)).statusCode).toBe(200)
    expect((await whole.inject(`${base}-2.xml`)).statusCode).toBe(404)
  })

  it('answers 304 for an unchanged part, and a new article in the month changes its parts', async () => {
    const month = TEST_NOW.toISOString().slice(0, 7)
    const first = `/sitemaps/articles-en-${month}.xml`
    const second = `/sitemaps/articles-en-${month}-2.xml`
    const etags = await Promise.all(
      [first, second].map(async (url) => String((await split.inject(url)).headers['etag'])),
    )
    expect(etags[0]).not.toBe(etags[1])
    for (const [index, url] of [first, second].entries())
      expect(
        (await split.inject({ url, headers: { 'if-none-match': etags[index] ?? '' } })).statusCode,
      ).toBe(304)
    const { db } = store()
    const section = await db.selectFrom('sections').select('id').executeTakeFirstOrThrow()
    await createArticle(
      db,
      {
        language: 'en',
        sectionId: section.id,
        bodyDoc: { type: 'doc', content: [] },
        status: 'published',
        headline: 'Earliest story of the month',
        publishedAt: `${month}-01T00:00:00.000Z`,
      },
      TEST_NOW,
    )
    // The new article opens part 1 and pushes the others along, so both parts changed.
    const firstPart = await split.inject({
      url: first,
      headers: { 'if-none-match': etags[0] ?? '' },
    })
    expect(firstPart.statusCode).toBe(200)
    expect(entriesOf(firstPart.body, 'urlset')[0]?.loc).toContain('earliest-story-of-the-month')
    expect(
      (await split.inject({ url: second, headers: { 'if-none-match': etags[1] ?? '' } }))
        .statusCode,
    ).toBe(200)
  })
})
