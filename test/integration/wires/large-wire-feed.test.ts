import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { escapeHtml } from '../../../src/platform/escape-html.js'
import { DEFAULT_WIRE_LIMITS } from '../../../src/modules/wires/fetch-wire-feed.js'
import type { PollOutcome } from '../../../src/modules/wires/wire-ingest.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSource, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { startWireFeedServer, type WireFeedServer } from './wire-feed-server.js'

/** Thousands of stories of three paragraphs, a little under the 5 MiB a feed may be. */
const ITEMS = 12_000
const TAKEN = DEFAULT_WIRE_LIMITS.maxItemsPerPoll

/** An RSS feed of `count` stories, newest first, one a minute before TEST_NOW. */
function generatedFeed(count: number): string {
  const items: string[] = []
  for (let n = 0; n < count; n++) {
    const published = new Date(TEST_NOW.getTime() - n * 60_000).toUTCString()
    const body =
      `<p>Story ${n}: the council met on Monday and <a href="https://wire.example/${n}">voted</a>` +
      ' on the <b>harbour</b> plan.</p><p>More follows in a second paragraph of the story, with' +
      ' details.</p><p>A third paragraph closes it.</p>'
    items.push(
      `<item><guid>bulk-${n}</guid><title>Story ${n}</title><pubDate>${published}</pubDate>` +
        `<description>${escapeHtml(body)}</description></item>`,
    )
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>All</title>${items.join('\n')}</channel></rss>`
}

/**
 * Beats every few milliseconds and keeps the longest time the event loop was held between two
 * beats by this process's own work: the wall-clock gap, but no more than the CPU time the process
 * spent in it, so a gap where a busy machine simply did not run the process does not count.
 */
function startHeartbeat() {
  let lastWall = performance.now()
  let lastCpu = process.cpuUsage()
  let longestMs = 0
  const beat = () => {
    const wallMs = performance.now() - lastWall
    const cpu = process.cpuUsage(lastCpu)
    longestMs = Math.max(longestMs, Math.min(wallMs, (cpu.user + cpu.system) / 1000))
    lastWall = performance.now()
    lastCpu = process.cpuUsage()
  }
  const timer = setInterval(beat, 5)
  return {
    /** Stops, and answers the longest hold in milliseconds. */
    stop(): number {
      clearInterval(timer)
      beat()
      return longestMs
    },
  }
}

describeEachDatabase('a very large agency feed', (store) => {
  let app: FastifyInstance
  let server: WireFeedServer
  let editor: NewsroomClient
  let agencyId: number
  const body = generatedFeed(ITEMS)

  beforeAll(async () => {
    await buildEditions(store().db)
    agencyId = await buildSource(store().db)
    server = await startWireFeedServer()
    server.serve('/everything.rss', {
      kind: 'text',
      text: body,
      contentType: 'application/rss+xml; charset=utf-8',
    })
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(async () => {
    await app.close()
    await server.close()
  })

  it('takes only the newest items, says so in the feed, and never holds the event loop long', async () => {
    expect(Buffer.byteLength(body)).toBeLessThan(DEFAULT_WIRE_LIMITS.maxBytes)
    const created = await editor.request({
      method: 'POST',
      url: '/api/admin/wires/feeds',
      payload: {
        sourceId: agencyId,
        name: 'Everything',
        url: server.url('/everything.rss'),
        format: 'rss',
        language: 'en',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const feedId = created.json<{ id: number }>().id

    const heartbeat = startHeartbeat()
    const polled = await editor.request({
      method: 'POST',
      url: `/api/admin/wires/feeds/${feedId}/poll`,
    })
    const longestGapMs = heartbeat.stop()
    expect(polled.statusCode, polled.body).toBe(200)
    // Generous for a busy two-core machine; parsing and storing the whole feed at once took seconds.
    expect(longestGapMs).toBeLessThan(500)

    const { outcome, feed } = polled.json<{ outcome: PollOutcome; feed: { lastError: string } }>()
    expect(outcome).toMatchObject({
      status: 'stored',
      added: TAKEN,
      truncated: { items: ITEMS, taken: TAKEN },
    })
    expect(feed.lastError).toBe('truncated: 12,000 items in the feed, the 500 newest taken')

    const queued = await store()
      .db.selectFrom('wireItems')
      .select(['guid'])
      .where('sourceId', '=', agencyId)
      .execute()
    expect(queued).toHaveLength(TAKEN)
    const newest = Array.from({ length: TAKEN }, (_, n) => `bulk-${n}`)
    expect(queued.map((row) => row.guid).sort()).toEqual(newest.sort())
  })
})
