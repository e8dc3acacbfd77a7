import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { systemActor } from '../src/modules/access/actor.js'
import { saveEditions, STARTING_EDITIONS } from '../src/modules/editions/edition-queries.js'
import { createSource } from '../src/modules/sources/source-queries.js'
import { DEFAULT_WIRE_LIMITS } from '../src/modules/wires/fetch-wire-feed.js'
import { parseWireFeed } from '../src/modules/wires/read-wire-entries.js'
import { createWireFeed } from '../src/modules/wires/wire-feed-queries.js'
import { createWireIngest } from '../src/modules/wires/wire-ingest.js'
import { systemClock } from '../src/platform/clock.js'
import { measure, report } from './measure.js'

const ITEMS = 1000

/** A generated RSS 2.0 feed of `count` stories of five paragraphs each. */
function generatedFeed(count: number): string {
  const items = Array.from({ length: count }, (_, n) => {
    const paragraphs = Array.from(
      { length: 5 },
      (_, p) =>
        `<p>Paragraph ${p + 1} of story ${n}: the <b>council</b> met, and <a href="/s/${n}">the report</a> was read in full.</p>`,
    ).join('')
    return `<item><title>Story ${n} of the bench wire</title><link>https://wire.example/s/${n}</link><guid>bench-${n}</guid><pubDate>Mon, 15 Jun 2026 09:30:00 GMT</pubDate><description>Summary of story ${n}.</description><content:encoded><![CDATA[${paragraphs}]]></content:encoded></item>`
  }).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>${items}</channel></rss>`
}

/**
 * Wire polling on SQLite over local HTTP: the first poll of a 1,000-story RSS feed (items per
 * second), then a poll of the same feed unchanged (fetch, parse, sanitise, de-duplicate) and a
 * poll answered 304, each against fetching and parsing the feed alone.
 */
export async function benchWireIngest(): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-bench-wires-'))
  const store = await openStore({ kind: 'sqlite', file: join(folder, 'bench.sqlite') })
  const body = generatedFeed(ITEMS)
  let isValidating = false
  const server = createServer((request, response) => {
    if (isValidating && request.headers['if-none-match'] === '"bench"')
      return response.writeHead(304, { etag: '"bench"' }).end()
    response.writeHead(200, { etag: '"bench"', 'content-type': 'application/rss+xml' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`
  try {
    await migrateToLatest(store.db)
    await saveEditions(store.db, STARTING_EDITIONS)
    const now = new Date()
    const sourceId = await createSource(store.db, { slug: 'bench', name: { en: 'Bench' } }, now)
    const feedId = await createWireFeed(
      store.db,
      {
        sourceId,
        name: 'bench',
        url,
        folder: null,
        format: 'rss',
        language: 'en',
        pollIntervalSeconds: 300,
        isEnabled: true,
      },
      now,
    )
    const ingest = createWireIngest({
      db: store.db,
      clock: systemClock,
      limits: DEFAULT_WIRE_LIMITS,
      dataDir: folder,
    })
    const system = { actor: systemActor, ipAddress: null }
    const started = performance.now()
    const first = await ingest.pollNow(system, feedId)
    const firstMs = performance.now() - started
    if (first.status !== 'stored' || first.added !== ITEMS) throw new Error(JSON.stringify(first))

    const options = { rounds: 5, roundMs: 1000 }
    const baseline = await measure(
      'fetch + parse only',
      async () => parseWireFeed(await (await fetch(url)).text(), 'rss'),
      options,
    )
    const unchanged = await measure(
      'poll, feed unchanged (no 304)',
      () => ingest.pollNow(system, feedId),
      options,
    )
    isValidating = true
    const notModified = await measure(
      'poll answered 304',
      () => ingest.pollNow(system, feedId),
      options,
    )
    return [
      `first poll of ${ITEMS} stories: ${firstMs.toFixed(0)} ms (${((ITEMS * 1000) / firstMs).toFixed(0)} stories/s)`,
      report(baseline, unchanged),
      report(baseline, notModified),
    ]
  } finally {
    server.close()
    await store.close()
    rmSync(folder, { recursive: true, force: true })
  }
}
