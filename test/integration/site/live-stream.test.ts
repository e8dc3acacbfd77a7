import { connect, type AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApp } from '../../helpers/create-test-app.js'
import {
  dataOf,
  openEventStream,
  type EventStreamClient,
} from '../../helpers/event-stream-client.js'
import { buildEditions, buildSection } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface EntryData {
  id: number
  action: string
  html?: string
  isPinned?: boolean
  isKeyEvent?: boolean
}
const HEARTBEAT_MS = 150

describeEachDatabase('the reader stream of live stories and breaking items', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient
  let sectionId: number
  let base: string
  const open: EventStreamClient[] = []

  beforeAll(async () => {
    await buildEditions(store().db)
    sectionId = await buildSection(store().db)
    app = await createTestApp(store(), { streamHeartbeatMs: HEARTBEAT_MS })
    editor = await signInAs(app, store().db, 'editor')
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const client of open) client.close()
    await app.close()
  })

  async function stream(query: string, lastEventId?: string) {
    const client = await openEventStream(`${base}/live/stream?${query}`, { lastEventId })
    open.push(client)
    return client
  }

  async function createStory(status = 'published', overrides: Record<string, unknown> = {}) {
    const response = await editor.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        type: 'live',
        headline: 'Count night: live',
        body: '<p>Results as they come.</p>',
        section: sectionId,
        status,
        ...overrides,
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<{ id: number }>().id
  }

  async function post(storyId: number, text: string, flags: Record<string, unknown> = {}) {
    const response = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${storyId}/entries`,
      payload: { body: `<p>${text}</p>`, ...flags },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<{ id: number }>().id
  }

  const entryEvents = (client: EventStreamClient) =>
    client.events.filter((event) => event.type === 'entry').map((event) => dataOf<EntryData>(event))

  it('answers an event stream the page cache and the edge never keep, starting with where it stands', async () => {
    const storyId = await createStory()
    const client = await stream(`lang=en&article=${storyId}`)
    expect(client.status).toBe(200)
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(client.headers['cache-control']).toBe('no-store')
    expect(client.headers['x-accel-buffering']).toBe('no')
    const first = await client.waitFor((event) => event.type === 'breaking')
    expect(Number(first.id)).toBeGreaterThan(0)
    expect(client.retryMs).toBeGreaterThan(0)
    const head = await fetch(`${base}/live/stream?lang=en&article=${storyId}`, { method: 'HEAD' })
    expect(head.status).toBe(404)
    // Heartbeats are comment lines, several of them while nothing happens.
    await expect.poll(() => client.comments, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
  })

  it('sends each entry posted, edited and deleted to every reader of the story, with its outbox id', async () => {
    const storyId = await createStory()
    const otherStory = await createStory()
    const readers = [
      await stream(`lang=en&article=${storyId}`),
      await stream(`lang=en&article=${storyId}`),
    ]
    const bystander = await stream(`lang=en&article=${otherStory}`)
    for (const reader of [...readers, bystander])
      await reader.waitFor((event) => event.type === 'breaking')

    const entryId = await post(storyId, 'Turnout at 61 per cent', { isKeyEvent: true })
    for (const reader of readers) {
      const event = await reader.waitFor((item) => item.type === 'entry')
      const data = dataOf<EntryData>(event)
      expect(data).toMatchObject({ id: entryId, action: 'created', isKeyEvent: true })
      expect(data.html).toContain(`id="entry-${entryId}"`)
      expect(data.html).toContain('Turnout at 61 per cent')
      const outboxIds = await store()
        .db.selectFrom('events')
        .select('id')
        .where('entity', '=', 'live_entry')
        .where('entityId', '=', entryId)
        .execute()
      expect(Number(event.id)).toBe(outboxIds[0]?.id)
    }

    const edited = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${storyId}/entries/${entryId}`,
      payload: { body: '<p>Turnout at 62 per cent</p>' },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    const deleted = await editor.request({
      method: 'DELETE',
      url: `/api/admin/articles/${storyId}/entries/${entryId}`,
    })
    expect(deleted.statusCode, deleted.body).toBe(204)
    for (const reader of readers) {
      await reader.waitFor(
        (event) => event.type === 'entry' && dataOf(event)['action'] === 'deleted',
      )
      const changes = entryEvents(reader)
      expect(changes.map((change) => change.action)).toEqual(['created', 'updated', 'deleted'])
      expect(changes[1]?.html).toContain('Turnout at 62 per cent')
    }
    expect(entryEvents(bystander)).toEqual([])
  })

  it('streams no draft: its stream is refused, and unpublishing a story ends its readers’ streams', async () => {
    const draft = await createStory('draft')
    expect((await stream(`lang=en&article=${draft}`)).status).toBe(404)
    expect((await stream(`lang=ar&article=${await createStory()}`)).status).toBe(404)
    expect((await stream('lang=xx')).status).toBe(404)
    expect((await stream('lang=en&article=nine')).status).toBe(404)

    const storyId = await createStory()
    const reader = await stream(`lang=en&article=${storyId}`)
    await reader.waitFor((event) => event.type === 'breaking')
    const unpublished = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${storyId}/transitions`,
      payload: { action: 'unpublish' },
    })
    expect(unpublished.statusCode, unpublished.body).toBe(200)
    await reader.ended
    const entry = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${storyId}/entries`,
      payload: { body: '<p>Not for readers</p>' },
    })
    expect(entry.statusCode, entry.body).toBe(201)
    expect(entryEvents(reader)).toEqual([])
    expect((await stream(`lang=en&article=${storyId}`)).status).toBe(404)
  })

  it('replays exactly what a reader missed after Last-Event-ID, deletions included', async () => {
    const storyId = await createStory()
    const kept = await post(storyId, 'Before the drop')
    const gone = await post(storyId, 'To be withdrawn')
    const first = await stream(`lang=en&article=${storyId}`)
    await first.waitFor((event) => event.type === 'breaking')
    const edited = await post(storyId, 'Seen live, edited while away')
    await first.waitFor((event) => event.type === 'entry')
    const resumeFrom = first.lastEventId
    first.close()

    const missed = await post(storyId, 'Posted while away')
    await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${storyId}/entries/${edited}`,
      payload: { title: 'Edited while away' },
    })
    await editor.request({
      method: 'DELETE',
      url: `/api/admin/articles/${storyId}/entries/${gone}`,
    })
    const resumed = await stream(`lang=en&article=${storyId}`, resumeFrom)
    await resumed.waitFor((event) => event.type === 'entry' && dataOf(event)['id'] === gone)
    const replay = entryEvents(resumed)
    expect(replay.map((change) => [change.id, change.action])).toEqual([
      [missed, 'created'],
      [edited, 'updated'],
      [gone, 'deleted'],
    ])
    expect(replay[1]?.html).toContain('Edited while away')
    expect(replay.some((change) => change.id === kept)).toBe(false)

    // And after the replay, the stream goes on live.
    const after = await post(storyId, 'After the resume')
    await resumed.waitFor((event) => event.type === 'entry' && dataOf(event)['id'] === after)
    const ids = resumed.events.flatMap((event) => (event.id ? [Number(event.id)] : []))
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
  })

  it('sends a new reader the entries its page did not have yet', async () => {
    const storyId = await createStory()
    const onPage = await post(storyId, 'On the cached page')
    const newer = await post(storyId, 'Posted after the page was cached')
    const reader = await stream(`lang=en&article=${storyId}&after=${onPage}`)
    const event = await reader.waitFor((item) => item.type === 'entry')
    expect(dataOf(event)).toMatchObject({ id: newer, action: 'created' })
    expect(entryEvents(reader)).toHaveLength(1)
  })

  it('sends an edition’s breaking items to every stream of the edition when an editor flags a story', async () => {
    const plain = await stream('lang=en')
    const arabic = await stream('lang=ar')
    const first = await plain.waitFor((event) => event.type === 'breaking')
    await arabic.waitFor((event) => event.type === 'breaking')
    const headline = 'Dam gates opened downstream'
    const article = await editor.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline,
        body: '<p>Water levels rise.</p>',
        section: sectionId,
        status: 'published',
      },
    })
    expect(article.statusCode, article.body).toBe(201)
    const { id } = article.json<{ id: number }>()
    const flagged = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${id}`,
      payload: { isBreaking: true },
    })
    expect(flagged.statusCode, flagged.body).toBe(200)
    const update = await plain.waitFor((event) => event !== first && event.type === 'breaking')
    const { items } = dataOf<{ items: { label: string; url: string }[] }>(update)
    expect(items[0]?.label).toBe(headline)
    expect(items[0]?.url).toContain(`/${id}-`)
    expect(Number(update.id)).toBeGreaterThan(Number(first.id))
    expect(arabic.events.filter((event) => event.type === 'breaking')).toHaveLength(1)
  })

  it('drops a reader that stops reading, while the others get every entry', async () => {
    const storyId = await createStory()
    const keepingUp = await stream(`lang=en&article=${storyId}`)
    await keepingUp.waitFor((event) => event.type === 'breaking')
    // A reader whose browser never reads what it is sent: the socket is paused.
    const stalled = connect((app.server.address() as AddressInfo).port, '127.0.0.1')
    stalled.write(`GET /live/stream?lang=en&article=${storyId} HTTP/1.1\r\nHost: x\r\n\r\n`)
    stalled.pause()
    const before = app.newsroom.streams.count()
    await expect.poll(() => app.newsroom.streams.count()).toBe(before + 1)
    const big = `<p>${'Figures from every polling station, as they come in. '.repeat(4000)}</p>`
    const posted: number[] = []
    // The kernel's socket buffers take some megabytes first; then the stream's own limit acts.
    while (app.newsroom.streams.count() > before && posted.length < 200)
      posted.push(await post(storyId, `Batch ${posted.length}${big}`))
    expect(app.newsroom.streams.count(), 'the stalled reader is still served').toBe(before)
    const last = posted[posted.length - 1]
    await keepingUp.waitFor((event) => event.type === 'entry' && dataOf(event)['id'] === last)
    expect(entryEvents(keepingUp).map((change) => change.id)).toEqual(posted)
    stalled.destroy()
  })

  it('keeps a stream open past the slow-client limits, and closing the server ends it at once', async () => {
    const timed = await createTestApp(store(), {
      streamHeartbeatMs: HEARTBEAT_MS,
      serverTimeouts: { headersMs: 500, requestMs: 600, keepAliveMs: 300, checkEveryMs: 100 },
    })
    await timed.listen({ port: 0, host: '127.0.0.1' })
    const url = `http://127.0.0.1:${(timed.server.address() as AddressInfo).port}`
    const reader = await openEventStream(
      `${url}/live/stream?lang=en&article=${await createStory()}`,
    )
    const readerOfEdition = await openEventStream(`${url}/live/stream?lang=ar`)
    const opened = Date.now()
    // Heartbeats still arrive well after the request limit would have dropped a slow request.
    await expect
      .poll(() => (Date.now() - opened > 1500 ? reader.comments : 0), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(8)
    expect(timed.newsroom.streams.count()).toBe(2)
    const closing = Date.now()
    await timed.close()
    await Promise.all([reader.ended, readerOfEdition.ended])
    expect(Date.now() - closing).toBeLessThan(2000)
    expect(timed.newsroom.streams.count()).toBe(0)
  })
})
