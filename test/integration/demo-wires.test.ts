import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadDemoContent } from '../../src/demo/load-demo.js'
import { DEMO_WIRE_STORIES_AR, DEMO_WIRE_STORIES_EN } from '../../src/demo/demo-wire-stories.js'
import { loadDemoWires } from '../../src/demo/demo-wires.js'
import { DEFAULT_WIRE_LIMITS } from '../../src/modules/wires/fetch-wire-feed.js'
import { createWireIngest } from '../../src/modules/wires/wire-ingest.js'
import { fixedClock } from '../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { buildEditions, TEST_NOW } from '../helpers/factories.js'
import { describeEachDatabase } from '../helpers/test-databases.js'

describeEachDatabase('the demo newsroom’s agency feeds', (store) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-demo-wires-'))

  beforeAll(async () => {
    await buildEditions(store().db)
    await loadDemoContent(store().db, createLocalMediaStorage(mediaFolderOf(dataDir)), TEST_NOW)
    await loadDemoWires(store().db, { dataDir, now: TEST_NOW })
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('are folder feeds, in RSS and ninjs for each edition, due at once', async () => {
    const feeds = await store()
      .db.selectFrom('wireFeeds')
      .select(['url', 'folder', 'format', 'language', 'isEnabled', 'nextPollAt'])
      .orderBy('id')
      .execute()
    expect(feeds.map((feed) => `${feed.language} ${feed.format}`).sort()).toEqual([
      'ar ninjs',
      'ar rss',
      'en ninjs',
      'en rss',
    ])
    for (const feed of feeds) {
      expect(feed).toMatchObject({ url: null, isEnabled: 1 })
      expect(feed.folder).toMatch(/^demo\//)
      expect(Date.parse(feed.nextPollAt)).toBeLessThanOrEqual(TEST_NOW.getTime())
    }
  })

  it('bring a dozen sample stories in each language to the wire desk on their first poll', async () => {
    const ingest = createWireIngest({
      db: store().db,
      clock: fixedClock(TEST_NOW),
      limits: DEFAULT_WIRE_LIMITS,
      dataDir,
    })
    const outcomes = await ingest.pollDueFeeds()
    expect(outcomes).toHaveLength(4)
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({ status: 'stored', added: 6, problems: [] })

    const items = await store()
      .db.selectFrom('wireItems')
      .select(['language', 'headline', 'summary', 'bodyDoc', 'link', 'publishedAt', 'status'])
      .execute()
    for (const [language, stories] of [
      ['en', DEMO_WIRE_STORIES_EN],
      ['ar', DEMO_WIRE_STORIES_AR],
    ] as const) {
      const queued = items.filter((item) => item.language === language)
      expect(queued.map((item) => item.headline).sort()).toEqual(
        stories.map((story) => story.headline).sort(),
      )
      for (const item of queued) {
        expect(item.status).toBe('new')
        expect(item.summary).not.toBe('')
        expect(item.link).toMatch(/^https:\/\//)
        expect(Date.parse(item.publishedAt ?? '')).toBeLessThan(TEST_NOW.getTime())
        expect(String(item.bodyDoc)).toContain('paragraph')
      }
    }
    // A second poll finds nothing new: the files have not changed.
    const again = await ingest.pollDueFeeds()
    expect(again).toEqual([])
  })
})
