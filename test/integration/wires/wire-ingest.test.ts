import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openStore } from '../../../src/db/create-database.js'
import { DEFAULT_WIRE_LIMITS } from '../../../src/modules/wires/fetch-wire-feed.js'
import { createWireIngest, type PollOutcome } from '../../../src/modules/wires/wire-ingest.js'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, buildSource, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { startWireFeedServer, type WireFeedServer } from './wire-feed-server.js'

const LIMITS = { ...DEFAULT_WIRE_LIMITS, timeoutMs: 3000, maxBytes: 256 * 1024 }
const MINUTE = 60_000

interface Feed {
  id: number
  nextPollAt: string
  failureCount: number
  lastError: string | null
}
interface Item {
  id: number
  guid: string
  version: number
  headline: string
  language: string
  status: string
  link: string | null
  articleId: number | null
  usedBy: number | null
  source: { id: number } | null
}
interface ItemPage {
  items: Item[]
  total: number
}

describeEachDatabase('agency wire ingest', (store) => {
  let app: FastifyInstance
  let server: WireFeedServer
  let editor: NewsroomClient
  let author: NewsroomClient
  let contributor: NewsroomClient
  let agencyId: number
  let otherAgencyId: number
  let sectionId: number
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-wires-'))
  const clock = manualClock(TEST_NOW)

  beforeAll(async () => {
    await buildEditions(store().db)
    sectionId = await buildSection(store().db, { slug: 'city' })
    agencyId = await buildSource(store().db)
    otherAgencyId = await buildSource(store().db)
    server = await startWireFeedServer()
    app = await createTestApp(store(), {
      clock,
      wireLimits: LIMITS,
      env: { MASTHEAD_DATA_DIR: dataDir },
    })
    editor = await signInAs(app, store().db, 'editor')
    author = await signInAs(app, store().db, 'author')
    contributor = await signInAs(app, store().db, 'contributor')
  })
  afterAll(async () => {
    await app.close()
    await server.close()
  })

  async function addFeed(fields: Record<string, unknown>): Promise<Feed> {
    const response = await editor.request({
      method: 'POST',
      url: '/api/admin/wires/feeds',
      payload: { sourceId: agencyId, language: 'en', pollIntervalSeconds: 300, ...fields },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<Feed>()
  }

  async function feedOf(id: number): Promise<Feed> {
    return (
      await editor.request({ method: 'GET', url: `/api/admin/wires/feeds/${id}` })
    ).json<Feed>()
  }

  async function queue(query: Record<string, string | number> = {}): Promise<ItemPage> {
    const response = await author.request({
      method: 'GET',
      url: '/api/admin/wires/items',
      query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<ItemPage>()
  }

  async function pollNow(id: number): Promise<PollOutcome> {
    const response = await editor.request({
      method: 'POST',
      url: `/api/admin/wires/feeds/${id}/poll`,
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<{ outcome: PollOutcome }>().outcome
  }

  async function disable(id: number): Promise<void> {
    const response = await editor.request({
      method: 'PATCH',
      url: `/api/admin/wires/feeds/${id}`,
      payload: { isEnabled: false },
    })
    expect(response.statusCode, response.body).toBe(200)
  }

  it('polls an RSS feed into the queue, then asks with its validators and gets 304', async () => {
    server.serve('/en.rss', {
      kind: 'file',
      name: 'agency-en.rss.xml',
      etag: '"en-1"',
      lastModified: 'Mon, 15 Jun 2026 11:00:00 GMT',
    })
    const feed = await addFeed({ name: 'English', url: server.url('/en.rss'), format: 'rss' })
    const outcomes = await app.newsroom.wires.pollDueFeeds()
    expect(outcomes).toEqual([
      { feedId: feed.id, status: 'stored', added: 3, updated: 0, problems: [] },
    ])
    const page = await queue({ feedId: feed.id })
    expect(page.items.map((item) => item.guid).sort()).toEqual([
      'harbour-wire-1001',
      'harbour-wire-1002',
      'https://wire.example/en/stories/1003',
    ])
    expect(page.items.every((item) => item.status === 'new' && item.source?.id === agencyId)).toBe(
      true,
    )
    const council = page.items.find((item) => item.guid === 'harbour-wire-1001')
    const opened = await author.request({
      method: 'GET',
      url: `/api/admin/wires/items/${council?.id}`,
    })
    expect(opened.statusCode).toBe(200)
    const { bodyHtml } = opened.json<{ bodyHtml: string }>()
    expect(bodyHtml).toContain('<strong>three bus routes</strong>')
    expect(bodyHtml).not.toMatch(/script|onclick|javascript:/)

    // Not due yet: nothing is asked.
    expect(await app.newsroom.wires.pollDueFeeds()).toEqual([])
    expect(server.requests('/en.rss')).toHaveLength(1)
    clock.advance(5 * MINUTE)
    expect(await app.newsroom.wires.pollDueFeeds()).toEqual([
      { feedId: feed.id, status: 'not-modified' },
    ])
    const second = server.requests('/en.rss')[1]
    expect(second?.['if-none-match']).toBe('"en-1"')
    expect(second?.['if-modified-since']).toBe('Mon, 15 Jun 2026 11:00:00 GMT')
    expect((await feedOf(feed.id)).nextPollAt).toBe(
      new Date(clock.now().getTime() + 5 * MINUTE).toISOString(),
    )
    expect((await queue({ feedId: feed.id })).total).toBe(3)

    // Saving the feed as the settings form does (same address and format) keeps its validators.
    const saved = await editor.request({
      method: 'PATCH',
      url: `/api/admin/wires/feeds/${feed.id}`,
      payload: { name: 'English desk', url: server.url('/en.rss'), format: 'rss' },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    clock.advance(5 * MINUTE)
    expect(await app.newsroom.wires.pollDueFeeds()).toEqual([
      { feedId: feed.id, status: 'not-modified' },
    ])

    // A new version of the feed: only the new story is added.
    server.serve('/en.rss', { kind: 'file', name: 'agency-en-later.rss.xml', etag: '"en-2"' })
    expect(await pollNow(feed.id)).toEqual({
      feedId: feed.id,
      status: 'stored',
      added: 1,
      updated: 0,
      problems: [],
    })
    expect((await queue({ feedId: feed.id })).total).toBe(4)
    await disable(feed.id)
  })

  it('reads an Arabic Atom feed and filters the queue by language, agency, words and date', async () => {
    clock.advance(MINUTE)
    server.serve('/ar.atom', { kind: 'file', name: 'agency-ar.atom.xml', etag: '"ar-1"' })
    const feed = await addFeed({
      sourceId: otherAgencyId,
      name: 'Arabic',
      url: server.url('/ar.atom'),
      format: 'atom',
      language: 'ar',
    })
    expect(await pollNow(feed.id)).toMatchObject({ status: 'stored', added: 2 })
    const arabic = await queue({ language: 'ar' })
    expect(arabic.items.map((item) => item.headline).sort()).toEqual([
      'افتتاح حديقة عامة جديدة في وسط المدينة',
      'معرض الكتاب يستقبل زواره',
    ])
    expect((await queue({ sourceId: otherAgencyId })).total).toBe(2)
    expect(
      (await queue({ sourceId: agencyId })).items.every((item) => item.language === 'en'),
    ).toBe(true)
    expect((await queue({ q: 'حديقة' })).items.map((item) => item.guid)).toEqual([
      'urn:harbour-wire:ar:2001',
    ])
    expect((await queue({ q: 'LIBRARY weekend' })).items.map((item) => item.guid)).toEqual([
      'harbour-wire-1002',
    ])
    expect((await queue({ since: clock.now().toISOString() })).total).toBe(2)
    expect((await queue({ until: '2026-06-15' })).total).toBe(0)
    await disable(feed.id)
  })

  it('updates a queued ninjs item when a newer version comes (used or not), and ignores older ones', async () => {
    server.serve('/news.json', {
      kind: 'file',
      name: 'agency-v1.ninjs.json',
      etag: '"n-1"',
      contentType: 'application/json',
    })
    const feed = await addFeed({ name: 'ninjs', url: server.url('/news.json'), format: 'ninjs' })
    expect(await pollNow(feed.id)).toMatchObject({ status: 'stored', added: 2, updated: 0 })
    const [port] = (await queue({ q: 'port reopens' })).items
    const used = await author.request({
      method: 'POST',
      url: `/api/admin/wires/items/${port?.id}/use`,
      payload: { section: 'city' },
    })
    expect(used.statusCode, used.body).toBe(201)
    server.serve('/news.json', {
      kind: 'file',
      name: 'agency-v2.ninjs.json',
      etag: '"n-2"',
      contentType: 'application/json',
    })
    expect(await pollNow(feed.id)).toMatchObject({ status: 'stored', added: 0, updated: 1 })
    const items = (await queue({ feedId: feed.id })).items
    expect(items.map((item) => [item.guid, item.version, item.headline]).sort()).toEqual([
      ['urn:harbour-wire:ninjs:3001', 2, 'Port reopens after maintenance, earlier than planned'],
      ['urn:harbour-wire:ninjs:3003', 2, 'School term dates published'],
    ])
    // A newer version of a story already used updates the text, and it stays used.
    expect((await queue({ q: 'port reopens' })).items[0]?.status).toBe('used')
    await disable(feed.id)
  })

  it('records a feed that fails, backs off, keeps the queue, and recovers', async () => {
    const before = (await queue()).total
    const broken: [string, Parameters<WireFeedServer['serve']>[1], RegExp][] = [
      ['/500', { kind: 'status', status: 500 }, /^http-status: .*500/],
      ['/slow', { kind: 'slow', delayMs: 60_000 }, /^timeout: /],
      ['/truncated', { kind: 'file', name: 'truncated.rss.xml', etag: '"t"' }, /^malformed: /],
      [
        '/laughs',
        { kind: 'file', name: 'entity-expansion.rss.xml', etag: '"l"' },
        /^malformed: .*DTD/,
      ],
      ['/html', { kind: 'file', name: 'not-a-feed.html', etag: '"h"' }, /^malformed: /],
      ['/endless', { kind: 'endless' }, /^too-large: /],
    ]
    const feeds: { id: number; expected: RegExp }[] = []
    for (const [path, behaviour, expected] of broken) {
      server.serve(path, behaviour)
      const feed = await addFeed({ name: `broken ${path}`, url: server.url(path), format: 'rss' })
      feeds.push({ id: feed.id, expected })
    }
    const gone = await addFeed({ name: 'gone', url: 'http://127.0.0.1:9/feed.xml', format: 'rss' })
    feeds.push({ id: gone.id, expected: /^unreachable: / })

    const outcomes = await app.newsroom.wires.pollDueFeeds()
    expect(outcomes.map((outcome) => outcome.status)).toEqual(feeds.map(() => 'failed'))
    for (const { id, expected } of feeds) {
      const feed = await feedOf(id)
      expect(feed.lastError, `feed ${id}`).toMatch(expected)
      expect(feed.failureCount).toBe(1)
      // Twice the interval after the first failure.
      expect(Date.parse(feed.nextPollAt) - clock.now().getTime()).toBe(10 * MINUTE)
    }
    expect((await queue()).total).toBe(before)

    // A second failure waits longer; then the agency is back and the feed recovers.
    clock.advance(10 * MINUTE)
    await app.newsroom.wires.pollDueFeeds()
    const [first] = feeds
    if (!first) throw new Error('no feed')
    expect((await feedOf(first.id)).failureCount).toBe(2)
    expect(Date.parse((await feedOf(first.id)).nextPollAt) - clock.now().getTime()).toBe(
      20 * MINUTE,
    )
    server.serve('/500', { kind: 'file', name: 'agency-en.rss.xml', etag: '"back"' })
    expect(await pollNow(first.id)).toMatchObject({ status: 'stored', added: 0 })
    expect(await feedOf(first.id)).toMatchObject({ failureCount: 0, lastError: null })
    for (const { id } of feeds) await disable(id)
  })

  it('polls a folder the agency drops files in, without duplicating on the next poll', async () => {
    mkdirSync(join(dataDir, 'wires', 'harbour'), { recursive: true })
    writeFileSync(
      join(dataDir, 'wires', 'harbour', 'story-1.json'),
      JSON.stringify({
        uri: 'urn:folder:1',
        headline: 'Ferry timetable changes',
        body_text: 'From Monday.',
      }),
    )
    const feed = await addFeed({ name: 'Folder', folder: 'harbour', format: 'ninjs' })
    expect(await pollNow(feed.id)).toMatchObject({ status: 'stored', added: 1 })
    expect(await pollNow(feed.id)).toMatchObject({ status: 'stored', added: 0 })
    expect((await queue({ q: 'ferry' })).items[0]?.guid).toBe('urn:folder:1')
    await disable(feed.id)
  })

  it('makes a draft from an item, with the agency as source and its link, and marks it used', async () => {
    const [item] = (await queue({ q: 'council' })).items
    if (!item) throw new Error('no council item')
    const response = await author.request({
      method: 'POST',
      url: `/api/admin/wires/items/${item.id}/use`,
      payload: { language: 'en', section: 'city' },
    })
    expect(response.statusCode, response.body).toBe(201)
    const { article } = response.json<{ article: { id: number } }>()
    const draft = (
      await author.request({ method: 'GET', url: `/api/admin/articles/${article.id}` })
    ).json<{
      status: string
      headline: string
      dek: string
      source: { id: number } | null
      sourceUrl: string | null
    }>()
    expect(draft).toMatchObject({
      status: 'draft',
      headline: 'City council approves new bus routes',
      dek: 'Three routes will link the eastern districts to the centre.',
      source: { id: agencyId },
      sourceUrl: 'https://wire.example/en/stories/1001',
    })
    const used = (await queue({ q: 'council' })).items[0]
    expect(used).toMatchObject({ status: 'used', articleId: article.id, usedBy: author.userId })
    expect((await queue({ status: 'used' })).items.map((entry) => entry.id)).toContain(item.id)

    const again = await editor.request({
      method: 'POST',
      url: `/api/admin/wires/items/${item.id}/use`,
      payload: {},
    })
    expect(again.statusCode).toBe(409)
    expect(again.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe('WIRE_ITEM_USED')
  })

  it('puts the draft in the first section when none is named, and refuses an unknown edition', async () => {
    const [item] = (await queue({ q: 'marathon' })).items
    if (!item) throw new Error('no marathon item')
    const unknown = await author.request({
      method: 'POST',
      url: `/api/admin/wires/items/${item.id}/use`,
      payload: { language: 'fr' },
    })
    expect(unknown.statusCode).toBe(400)
    expect((await queue({ q: 'marathon' })).items[0]?.status).toBe('new')
    const response = await contributor.request({
      method: 'POST',
      url: `/api/admin/wires/items/${item.id}/use`,
      payload: {},
    })
    expect(response.statusCode, response.body).toBe(201)
    const { article } = response.json<{ article: { id: number } }>()
    const draft = (
      await contributor.request({ method: 'GET', url: `/api/admin/articles/${article.id}` })
    ).json<{ section: { id: number } }>()
    expect(draft.section.id).toBe(sectionId)
  })

  it('lets editors configure feeds and nobody below them', async () => {
    const payload = {
      sourceId: agencyId,
      name: 'x',
      url: server.url('/x'),
      format: 'rss',
      language: 'en',
    }
    for (const client of [contributor, author]) {
      const response = await client.request({
        method: 'POST',
        url: '/api/admin/wires/feeds',
        payload,
      })
      expect(response.statusCode).toBe(403)
    }
    const [feed] = (
      await contributor.request({ method: 'GET', url: '/api/admin/wires/feeds' })
    ).json<{ items: Feed[] }>().items
    if (!feed) throw new Error('no feed')
    for (const request of [
      {
        method: 'PATCH' as const,
        url: `/api/admin/wires/feeds/${feed.id}`,
        payload: { name: 'y' },
      },
      { method: 'DELETE' as const, url: `/api/admin/wires/feeds/${feed.id}` },
      { method: 'POST' as const, url: `/api/admin/wires/feeds/${feed.id}/poll` },
    ]) {
      expect((await contributor.request(request)).statusCode).toBe(403)
    }
    const both = await editor.request({
      method: 'POST',
      url: '/api/admin/wires/feeds',
      payload: { ...payload, folder: 'harbour' },
    })
    expect(both.statusCode).toBe(400)
    const escape = await editor.request({
      method: 'POST',
      url: '/api/admin/wires/feeds',
      payload: { ...payload, url: undefined, folder: '../../etc' },
    })
    expect(escape.statusCode).toBe(400)
  })

  it('polls each due feed once when two processes look at the same time', async () => {
    server.serve('/race.rss', { kind: 'file', name: 'agency-en.rss.xml', etag: '"race"' })
    const feeds = []
    for (let n = 0; n < 4; n++) {
      feeds.push(
        await addFeed({ name: `race ${n}`, url: server.url(`/race.rss?${n}`), format: 'rss' }),
      )
      server.serve(`/race.rss?${n}`, { kind: 'file', name: 'agency-en.rss.xml', etag: '"race"' })
    }
    const secondStore = await openStore(store().databaseConfig)
    try {
      const ingestOn = (db: typeof secondStore.db) =>
        createWireIngest({ db, clock, limits: LIMITS, dataDir })
      const [first, second] = await Promise.all([
        ingestOn(store().db).pollDueFeeds(),
        ingestOn(secondStore.db).pollDueFeeds(),
      ])
      expect([...first, ...second].map((outcome) => outcome.feedId).sort()).toEqual(
        feeds.map((feed) => feed.id).sort(),
      )
      for (let n = 0; n < 4; n++) expect(server.requests(`/race.rss?${n}`)).toHaveLength(1)
    } finally {
      await secondStore.close()
    }
  })
})
