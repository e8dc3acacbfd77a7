import { execFileSync } from 'node:child_process'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { createArticle } from '../../../src/modules/articles/article-queries.js'
import { updateSiteSettings } from '../../../src/modules/settings/settings-queries.js'
import { TEST_SITE_URL, useDemoSite } from '../../helpers/demo-site.js'
import { hoursAgo, TEST_NOW } from '../../helpers/factories.js'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
type XmlNode = Record<string, unknown>

/** xmllint, an independent XML parser: throws when the document is not well-formed. */
function assertWellFormed(xml: string): void {
  execFileSync('xmllint', ['--noout', '-'], { input: xml })
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

describe('feeds', () => {
  const site = useDemoSite()
  const get = (url: string, headers: Record<string, string> = {}) =>
    site().app.inject({ url, headers })

  it.each(['en', 'ar'])('serves a complete RSS 2.0 feed for the %s edition', async (language) => {
    const response = await get(`/${language}/rss.xml`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    assertWellFormed(response.body)
    const channel = (parser.parse(response.body) as { rss: { channel: XmlNode } }).rss.channel
    expect(channel).toMatchObject({ language, link: `${TEST_SITE_URL}/${language}/` })
    expect(channel['title']).toBeTruthy()
    expect(channel['description']).toBeTruthy()
    const items = asArray(channel['item'] as XmlNode[])
    expect(items.length).toBe(43)
    for (const item of items) {
      expect(String(item['link'])).toMatch(new RegExp(`^${TEST_SITE_URL}/${language}/`))
      expect(Date.parse(String(item['pubDate']))).not.toBeNaN()
      expect((item['guid'] as XmlNode)['@isPermaLink']).toBe('false')
      expect(String((item['media:content'] as XmlNode)['@url'])).toMatch(
        /^https:\/\/news\.example\/media\//,
      )
    }
  })

  it('serves Atom 1.0 and JSON Feed 1.1 with the required fields', async () => {
    const atom = await get('/ar/atom.xml')
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    assertWellFormed(atom.body)
    const feed = (parser.parse(atom.body) as { feed: XmlNode }).feed
    expect(feed['@xml:lang']).toBe('ar')
    for (const field of ['id', 'title', 'updated']) expect(feed[field], field).toBeTruthy()
    for (const entry of asArray(feed['entry'] as XmlNode[])) {
      for (const field of ['id', 'title', 'updated', 'link'])
        expect(entry[field], field).toBeTruthy()
    }
    const json = await get('/en/feed.json')
    expect(json.headers['content-type']).toBe('application/feed+json; charset=utf-8')
    const body = json.json<{
      version: string
      items: { id: string; content_text?: string; content_html?: string }[]
    }>()
    expect(body.version).toBe('https://jsonfeed.org/version/1.1')
    expect(
      body.items.every(
        (item) => typeof item.id === 'string' && (item.content_text ?? item.content_html),
      ),
    ).toBe(true)
  })

  it('serves feeds for a section, a tag, an author and a source, with only their articles', async () => {
    const { db } = site().store
    const tag = await db
      .selectFrom('tags')
      .select(['id', 'slug'])
      .where('language', '=', 'en')
      .executeTakeFirstOrThrow()
    const tagged = await db
      .selectFrom('articleTags')
      .innerJoin('articles', 'articles.id', 'articleTags.articleId')
      .select('articles.id')
      .where('tagId', '=', tag.id)
      .where('status', '=', 'published')
      .execute()
    const tagFeed = await get(`/en/tag/${encodeURIComponent(tag.slug)}/feed.json`)
    expect(tagFeed.json<{ items: unknown[] }>().items).toHaveLength(tagged.length)
    for (const url of [
      '/en/news/rss.xml',
      '/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/atom.xml',
      '/en/author/sara-haddad/rss.xml',
      '/ar/source/meridian/feed.json',
    ]) {
      expect((await get(url)).statusCode, url).toBe(200)
    }
    expect((await get('/en/tag/no-such-tag/rss.xml')).statusCode).toBe(404)
  })

  it('answers 304 to If-None-Match and If-Modified-Since', async () => {
    const first = await get('/en/rss.xml')
    const etag = String(first.headers['etag'])
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers['last-modified']).toBeTruthy()
    const byTag = await get('/en/rss.xml', { 'if-none-match': etag })
    expect(byTag.statusCode).toBe(304)
    expect(byTag.body).toBe('')
    expect(byTag.headers['etag']).toBe(etag)
    const byDate = await get('/en/rss.xml', {
      'if-modified-since': String(first.headers['last-modified']),
    })
    expect(byDate.statusCode).toBe(304)
    expect(
      (
        await get('/en/rss.xml', {
          'if-none-match': '"other"',
          'if-modified-since': String(first.headers['last-modified']),
        })
      ).statusCode,
    ).toBe(200)
  })

  it('stays well-formed with Arabic, &, < and ]]> in titles and full content', async () => {
    const { db } = site().store
    await updateSiteSettings(db, { isFeedFullContent: true }, TEST_NOW)
    const section = await db.selectFrom('sections').select('id').executeTakeFirstOrThrow()
    const awkward = 'قمة «الرياض» & <b>bold</b> ]]> end'
    await createArticle(
      db,
      {
        language: 'ar',
        sectionId: section.id,
        status: 'published',
        headline: awkward,
        bodyDoc: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: awkward }] }],
        },
        publishedAt: hoursAgo(0.01),
      },
      TEST_NOW,
    )
    // Written to the database directly, past the events that purge the page cache.
    site().app.newsroom.pageCache.clear()
    const [rssBody, atomBody] = [(await get('/ar/rss.xml')).body, (await get('/ar/atom.xml')).body]
    assertWellFormed(rssBody)
    assertWellFormed(atomBody)
    expect(rssBody).toContain('<div dir="rtl" lang="ar">')
    expect(atomBody).toContain('&lt;div dir=&quot;rtl&quot; lang=&quot;ar&quot;&gt;')
    const rss = parser.parse(rssBody) as {
      rss: { channel: { item: XmlNode[] } }
    }
    expect(rss.rss.channel.item[0]?.['title']).toBe(awkward)
    expect(String(rss.rss.channel.item[0]?.['content:encoded'])).toContain(']]&gt; end')
  })
})
