import { execFileSync } from 'node:child_process'
import { XMLParser } from 'fast-xml-parser'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { paragraph } from '../../../src/modules/articles/document/article-document.js'
import { insertLiveEntry } from '../../../src/modules/live/live-entry-queries.js'
import { translatorFor } from '../../../src/site/i18n/messages.js'
import { createDemoSite, TEST_SITE_URL } from '../../helpers/demo-site.js'
import { buildArticle, TEST_NOW } from '../../helpers/factories.js'
import { jsonLdOf, parseHtml } from '../../helpers/html.js'
import { signInAs } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const EDITIONS = ['en', 'ar'] as const
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
type XmlNode = Record<string, unknown>
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** xmllint, an independent XML parser: throws when the document is not well-formed. */
function assertWellFormed(xml: string): void {
  execFileSync('xmllint', ['--noout', '-'], { input: xml })
}

interface ApiEntry {
  id: number
  url: string
  title: string | null
  isKeyEvent: boolean
  isPinned: boolean
  createdAt: string
  html: string
}

describeEachDatabase('live stories for readers', (store) => {
  let app: FastifyInstance
  /** The demo's live story in each edition: id, canonical path and entries newest first. */
  const stories = new Map<
    string,
    { id: number; path: string; entryIds: number[]; pinnedId: number; keyEventIds: number[] }
  >()

  beforeAll(async () => {
    app = await createDemoSite(store())
    for (const language of EDITIONS) {
      const { id } = await store()
        .db.selectFrom('articles')
        .select('id')
        .where('type', '=', 'live')
        .where('language', '=', language)
        .executeTakeFirstOrThrow()
      const entries = await store()
        .db.selectFrom('liveEntries')
        .select(['id', 'isPinned', 'isKeyEvent'])
        .where('articleId', '=', id)
        .orderBy('createdAt', 'desc')
        .execute()
      const redirect = await app.inject({ url: `/${language}/x/${id}` })
      stories.set(language, {
        id,
        path: redirect.headers.location as string,
        entryIds: entries.map((entry) => entry.id),
        pinnedId: entries.find((entry) => entry.isPinned === 1)?.id ?? -1,
        keyEventIds: entries.filter((entry) => entry.isKeyEvent === 1).map((entry) => entry.id),
      })
    }
  })
  afterAll(() => app.close())

  const story = (language: string) => {
    const found = stories.get(language)
    if (!found) throw new Error(`no live story in ${language}`)
    return found
  }
  const get = (url: string) => app.inject({ url })

  for (const language of EDITIONS) {
    const t = translatorFor(language)

    it(`shows the ${language} live story without script: badge, pinned entry, key events and entries newest first`, async () => {
      const { id, path, entryIds, pinnedId, keyEventIds } = story(language)
      const response = await get(path)
      expect(response.statusCode).toBe(200)
      // Cached and purged like any article page: the story's tag, which live_entry events purge.
      expect(String(response.headers['surrogate-key']).split(' ')).toContain(`a:${id}`)
      const page = parseHtml(response.body)
      expect(page.querySelector('.live-badge__state')?.textContent).toBe(t('liveNow'))
      expect(page.querySelector('.live-badge__since time')?.getAttribute('datetime')).toBeTruthy()

      const list = page.querySelector('ol.live-entries')
      expect(list?.getAttribute('data-article-id')).toBe(String(id))
      const articles = list?.querySelectorAll(':scope > li > article.live-entry') ?? []
      expect(articles.map((entry) => Number(entry.getAttribute('data-entry-id')))).toEqual(entryIds)
      const times = articles.map((entry) =>
        Date.parse(entry.querySelector('time')?.getAttribute('datetime') ?? ''),
      )
      expect(times).toEqual([...times].sort((a, b) => b - a))
      for (const entry of articles) {
        const entryId = entry.getAttribute('data-entry-id')
        expect(entry.getAttribute('id')).toBe(`entry-${entryId}`)
        expect(entry.querySelector('a.live-entry__permalink')?.getAttribute('href')).toBe(
          `#entry-${entryId}`,
        )
      }
      expect(
        page.querySelector(`#entry-${keyEventIds[0]}`)?.classList.contains('live-entry--key-event'),
      ).toBe(true)

      const pinned = page.querySelector('section.live-pinned article')
      expect(pinned?.getAttribute('id')).toBe(`pinned-entry-${pinnedId}`)
      expect(pinned?.querySelector('.live-entry__flag--pinned')?.textContent).toBe(t('pinnedEntry'))
      expect(page.querySelector(`#entry-${pinnedId}`)).not.toBeNull()

      const keyEvents = page.querySelectorAll('nav.live-key-events a')
      expect(keyEvents.map((link) => link.getAttribute('href'))).toEqual(
        keyEventIds.map((entryId) => `#entry-${entryId}`),
      )
      expect(page.querySelector('nav.live-key-events h2')?.textContent).toBe(t('keyEvents'))

      // Every id once: the pinned copy does not repeat its entry's anchor.
      const ids = page.querySelectorAll('[id]').map((element) => element.getAttribute('id'))
      expect(new Set(ids).size).toBe(ids.length)
      expect(page.querySelector('.live-entries ~ .pagination')).toBeNull()
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${TEST_SITE_URL}${path}`,
      )
    })

    it(`describes the ${language} live story as a LiveBlogPosting that Google's rules accept`, async () => {
      const { path, entryIds, keyEventIds } = story(language)
      const graph = jsonLdOf(parseHtml((await get(path)).body))['@graph'] ?? []
      const posting = graph.find((node) => node['@type'] === 'LiveBlogPosting')
      expect(posting).toBeDefined()
      const canonical = `${TEST_SITE_URL}${path}`
      // The fields of an Article (Google: headline, image, dates, author, publisher) …
      expect(posting?.['mainEntityOfPage']).toBe(canonical)
      for (const field of ['headline', 'datePublished', 'dateModified', 'coverageStartTime'])
        expect(typeof posting?.[field], field).toBe('string')
      expect(posting?.['publisher']).toEqual({ '@id': `${TEST_SITE_URL}/#org` })
      expect(String((posting?.['image'] as string[])[0])).toMatch(
        /^https:\/\/news\.example\/media\//,
      )
      expect(String(posting?.['headline']).length).toBeLessThanOrEqual(110)
      expect((posting?.['author'] as unknown[]).length).toBeGreaterThan(0)
      // Coverage still live: no end time yet.
      expect(posting?.['coverageEndTime']).toBeUndefined()
      expect(Date.parse(String(posting?.['coverageStartTime']))).toBeLessThanOrEqual(
        Date.parse(String(posting?.['datePublished'])),
      )
      // … and the newest entries as BlogPosting, each with its own anchor and no query string.
      const updates = posting?.['liveBlogUpdate'] as Record<string, unknown>[]
      expect(updates.map((update) => update['url'])).toEqual(
        entryIds.slice(0, 10).map((entryId) => `${canonical}#entry-${entryId}`),
      )
      for (const update of updates) {
        expect(update['@type']).toBe('BlogPosting')
        expect(String(update['headline']).length).toBeGreaterThan(0)
        expect(String(update['headline']).length).toBeLessThanOrEqual(110)
        expect(String(update['articleBody']).length).toBeGreaterThan(20)
        expect(String(update['articleBody'])).not.toMatch(/<[a-z]/)
        expect(Date.parse(String(update['datePublished']))).not.toBeNaN()
        expect(update['author']).toBeDefined()
      }
      const keyEvent = updates.find(
        (update) => update['url'] === `${canonical}#entry-${keyEventIds[0]}`,
      )
      expect(keyEvent?.['headline']).toBeTruthy()
      // The story changed when its newest entry was posted.
      expect(posting?.['dateModified']).toBe(updates[0]?.['datePublished'])
    })

    it(`serves the ${language} live story's entries as RSS, Atom and JSON Feed, linked from its page`, async () => {
      const { id, path, entryIds } = story(language)
      const page = parseHtml((await get(path)).body)
      const links = page
        .querySelectorAll('link[rel="alternate"][type]')
        .map((link) => link.getAttribute('href'))
      expect(links).toEqual(
        expect.arrayContaining([`${path}/rss.xml`, `${path}/atom.xml`, `${path}/feed.json`]),
      )
      const rss = await get(`${path}/rss.xml`)
      expect(rss.statusCode).toBe(200)
      expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
      expect(String(rss.headers['surrogate-key']).split(' ')).toContain(`a:${id}`)
      expect(rss.headers['cache-control']).toContain('public')
      assertWellFormed(rss.body)
      const channel = (parser.parse(rss.body) as { rss: { channel: XmlNode } }).rss.channel
      expect(channel['link']).toBe(`${TEST_SITE_URL}${path}`)
      const items = asArray(channel['item'] as XmlNode[])
      expect(items.map((item) => item['link'])).toEqual(
        entryIds.map((entryId) => `${TEST_SITE_URL}${path}#entry-${entryId}`),
      )
      for (const item of items) {
        expect(item['title']).toBeTruthy()
        expect((item['guid'] as XmlNode)['@isPermaLink']).toBe('false')
      }

      const atom = await get(`${path}/atom.xml`)
      assertWellFormed(atom.body)
      const feed = (parser.parse(atom.body) as { feed: XmlNode }).feed
      expect(feed['@xml:lang']).toBe(language)
      const entries = asArray(feed['entry'] as XmlNode[])
      expect(entries).toHaveLength(entryIds.length)
      for (const entry of entries)
        for (const field of ['id', 'title', 'updated', 'link']) expect(entry[field]).toBeTruthy()

      const json = (await get(`${path}/feed.json`)).json<{
        version: string
        home_page_url: string
        items: { id: string; url: string; content_html: string }[]
      }>()
      expect(json.version).toBe('https://jsonfeed.org/version/1.1')
      expect(json.home_page_url).toBe(`${TEST_SITE_URL}${path}`)
      expect(json.items).toHaveLength(entryIds.length)
      if (language === 'ar')
        expect(json.items.every((item) => item.content_html.startsWith('<div dir="rtl"'))).toBe(
          true,
        )
    })
  }

  it('labels a live story "Live" on the cards of its section, in its edition’s words', async () => {
    for (const language of EDITIONS) {
      const { id, path } = story(language)
      const section = path.split('/').slice(0, 3).join('/') + '/'
      const page = parseHtml((await get(section)).body)
      const card = page
        .querySelectorAll('.card')
        .find((candidate) => candidate.querySelector(`a[href="${path}"]`))
      expect(card, `card of ${id} on ${section}`).toBeDefined()
      expect(card?.querySelector('.badge--live')?.textContent).toBe(
        translatorFor(language)('liveNow'),
      )
    }
  })

  it('answers 404 for a feed or an entries list of an article that is not a live story', async () => {
    const report = await store()
      .db.selectFrom('articles')
      .select('id')
      .where('type', '!=', 'live')
      .where('language', '=', 'en')
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow()
    const reportPath = (await get(`/en/x/${report.id}`)).headers.location as string
    expect((await get(`${reportPath}/rss.xml`)).statusCode).toBe(404)
    expect((await get(`/api/v1/articles/${report.id}/entries`)).statusCode).toBe(404)
    expect((await get('/api/v1/articles/999999/entries')).statusCode).toBe(404)
  })

  it('lists entries in the content API newest first, by page, and only newer ones after an id', async () => {
    const { id, path, entryIds } = story('ar')
    const list = await get(`/api/v1/articles/${id}/entries?pageSize=4&page=2`)
    expect(list.statusCode).toBe(200)
    expect(list.headers['access-control-allow-origin']).toBe('*')
    const body = list.json<{
      coverage: { state: string }
      items: ApiEntry[]
      total: number
      page: number
      pageCount: number
    }>()
    expect(body).toMatchObject({ coverage: { state: 'live' }, total: entryIds.length, page: 2 })
    expect(body.pageCount).toBe(Math.ceil(entryIds.length / 4))
    expect(body.items.map((item) => item.id)).toEqual(entryIds.slice(4, 8))
    expect(body.items[0]?.url).toBe(`${TEST_SITE_URL}${path}#entry-${entryIds[4]}`)
    // The markup of the story's page, in the story's edition, ready for a page to insert.
    const html = parseHtml(body.items[0]?.html ?? '').querySelector('article')
    expect(html?.getAttribute('id')).toBe(`entry-${entryIds[4]}`)
    expect(html?.querySelector('.live-entry__permalink')?.getAttribute('title')).toBe(
      translatorFor('ar')('entryPermalink'),
    )

    const poll = await get(`/api/v1/articles/${id}/entries?after=${entryIds[3]}`)
    expect(poll.statusCode).toBe(200)
    expect(poll.headers['cache-control']).toBe('public, max-age=2, s-maxage=2')
    expect(String(poll.headers['surrogate-key']).split(' ')).toContain(`a:${id}`)
    expect(poll.json<{ items: ApiEntry[] }>().items.map((item) => item.id)).toEqual(
      entryIds.slice(0, 3),
    )
    const none = await get(`/api/v1/articles/${id}/entries?after=${entryIds[0]}`)
    expect(none.json<{ items: ApiEntry[] }>().items).toEqual([])
  })

  it('shows an entry posted in the newsroom on the cached page, feed and poll at once', async () => {
    const { id, path, entryIds } = story('en')
    const urls = [path, `${path}/rss.xml`, `/api/v1/articles/${id}/entries?after=${entryIds[0]}`]
    for (const url of urls) {
      await get(url)
      expect((await get(url)).headers['x-cache'], url).toBe('HIT')
    }
    const editor = await signInAs(app, store().db, 'editor')
    const posted = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${id}/entries`,
      payload: { title: 'Course closes for the day', body: '<p>The last runner is home.</p>' },
    })
    expect(posted.statusCode, posted.body).toBe(201)
    const entryId = posted.json<{ id: number }>().id
    await expect.poll(async () => (await get(path)).body).toContain(`id="entry-${entryId}"`)
    expect((await get(`${path}/rss.xml`)).body).toContain(`#entry-${entryId}`)
    const poll = await get(urls[2] ?? '')
    expect(poll.json<{ items: ApiEntry[] }>().items.map((item) => item.id)).toEqual([entryId])
    story('en').entryIds.unshift(entryId)
  })

  it('pages a long live story: 20 entries a page, prev and next links, 404 past the end', async () => {
    const { db } = store()
    const sectionId = (
      await db
        .selectFrom('articles')
        .select('sectionId')
        .where('id', '=', story('en').id)
        .executeTakeFirstOrThrow()
    ).sectionId
    const publishedAt = new Date(TEST_NOW.getTime() - 5 * 3_600_000).toISOString()
    const id = await buildArticle(db, {
      type: 'live',
      sectionId,
      headline: 'Council budget session: live updates',
      coverageState: 'live',
      coverageStartedAt: publishedAt,
      publishedAt,
    })
    const ids: number[] = []
    for (let n = 0; n < 45; n++) {
      ids.unshift(
        await insertLiveEntry(
          db,
          {
            articleId: id,
            authorUserId: null,
            title: null,
            bodyDoc: { type: 'doc', content: [paragraph(`Item ${n + 1} of the agenda is read.`)] },
            isKeyEvent: n === 2,
            isPinned: n === 3,
          },
          new Date(Date.parse(publishedAt) + n * 60_000),
        ),
      )
    }
    const path = (await get(`/en/x/${id}`)).headers.location as string

    const first = parseHtml((await get(path)).body)
    expect(first.querySelectorAll('.live-entries > li')).toHaveLength(20)
    expect(first.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe(
      `${path}?page=2`,
    )
    expect(first.querySelector('.pagination a[rel="prev"]')).toBeNull()
    // The key event and the pinned entry are on page 3: their links lead there.
    expect(first.querySelector('nav.live-key-events a')?.getAttribute('href')).toBe(
      `${path}?page=3#entry-${ids[42]}`,
    )
    expect(first.querySelector('.live-pinned .live-entry__permalink')?.getAttribute('href')).toBe(
      `${path}?page=3#entry-${ids[41]}`,
    )
    // Without a title, a key event is named by its first words.
    expect(first.querySelector('nav.live-key-events a')?.textContent).toContain(
      'Item 3 of the agenda is read.',
    )

    const second = await get(`${path}?page=2`)
    expect(second.statusCode).toBe(200)
    const page2 = parseHtml(second.body)
    expect(
      page2
        .querySelectorAll('.live-entries article')
        .map((entry) => Number(entry.getAttribute('data-entry-id'))),
    ).toEqual(ids.slice(20, 40))
    expect(page2.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${TEST_SITE_URL}${path}?page=2`,
    )
    expect(page2.querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe(path)
    expect(page2.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe(
      `${path}?page=3`,
    )
    expect(page2.querySelector('.live-pinned')).toBeNull()
    const posting = (jsonLdOf(page2)['@graph'] ?? []).find(
      (node) => node['@type'] === 'LiveBlogPosting',
    )
    expect(posting?.['mainEntityOfPage']).toBe(`${TEST_SITE_URL}${path}?page=2`)
    // The newest entries, on the first page, whichever page describes the story.
    expect((posting?.['liveBlogUpdate'] as { url: string }[])[0]?.url).toBe(
      `${TEST_SITE_URL}${path}#entry-${ids[0]}`,
    )

    const third = parseHtml((await get(`${path}?page=3`)).body)
    expect(third.querySelectorAll('.live-entries > li')).toHaveLength(5)
    expect(third.querySelector('nav.live-key-events a')?.getAttribute('href')).toBe(
      `#entry-${ids[42]}`,
    )
    for (const page of ['4', '0', 'x', '2.5'])
      expect((await get(`${path}?page=${page}`)).statusCode, page).toBe(404)
    const one = await get(`${path}?page=1`)
    expect(one.statusCode).toBe(301)
    expect(one.headers.location).toBe(path)

    // The content API and the feed point each entry at the page that shows it.
    const api = (await get(`/api/v1/articles/${id}/entries?page=3&pageSize=10`)).json<{
      items: ApiEntry[]
    }>()
    expect(api.items[0]?.url).toBe(`${TEST_SITE_URL}${path}?page=2#entry-${ids[20]}`)
  })

  it('keeps an ended story as an archive: "Coverage ended", its end time, and no Live label', async () => {
    const { id, path } = story('ar')
    const editor = await signInAs(app, store().db, 'editor')
    const ended = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${id}`,
      payload: { coverageState: 'ended' },
    })
    expect(ended.statusCode, ended.body).toBe(200)
    const t = translatorFor('ar')
    const page = parseHtml((await get(path)).body)
    expect(page.querySelector('.live-badge__state')?.textContent).toBe(t('coverageEnded'))
    expect(page.querySelector('.live-badge__since')?.textContent).toContain(t('coverageEndedAt'))
    expect(page.querySelectorAll('.live-entries > li').length).toBeGreaterThan(0)
    const posting = (jsonLdOf(page)['@graph'] ?? []).find(
      (node) => node['@type'] === 'LiveBlogPosting',
    )
    expect(posting?.['coverageEndTime']).toBe(TEST_NOW.toISOString())
    const section = parseHtml((await get(path.split('/').slice(0, 3).join('/') + '/')).body)
    expect(section.querySelector(`.card a[href="${path}"]`)).not.toBeNull()
    expect(section.querySelector('.badge--live')).toBeNull()
    const api = (await get(`/api/v1/articles/${id}/entries`)).json<{
      coverage: { state: string; endedAt: string }
    }>()
    expect(api.coverage).toMatchObject({ state: 'ended', endedAt: TEST_NOW.toISOString() })
  })
})
