import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock, type ManualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildArticle, buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { createTestStore, TEST_DIALECTS, type TestStore } from '../../helpers/test-databases.js'

const THIRTY_MINUTES_MS = 30 * 60_000

describe.each(TEST_DIALECTS)('page views (%s)', (dialect) => {
  let store: TestStore
  let app: FastifyInstance
  let clock: ManualClock

  beforeAll(async () => {
    store = await createTestStore(dialect)
    await buildEditions(store.db)
    clock = manualClock(TEST_NOW)
    app = await createTestApp(store, { clock })
  })

  afterAll(async () => {
    await app.close()
    await store.dispose()
  })

  const viewsOf = async (articleId: number) => {
    const row = await store.db
      .selectFrom('pageViews')
      .select((eb) => eb.fn.sum<number>('views').as('views'))
      .where('articleId', '=', articleId)
      .executeTakeFirst()
    return Number(row?.views ?? 0)
  }

  const beacon = (
    articleId: number,
    reader: { address: string; userAgent?: string; fetchSite?: string },
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/page-views/${articleId}`,
      remoteAddress: reader.address,
      headers: {
        'user-agent': reader.userAgent ?? 'Reader/1.0',
        ...(reader.fetchSite ? { 'sec-fetch-site': reader.fetchSite } : {}),
      },
    })

  it('counts 200 beacons of one reader for one article as one view, and two readers as two', async () => {
    const articleId = await buildArticle(store.db, { headline: 'Bought views' })
    const statuses = new Set<number>()
    for (let count = 0; count < 200; count += 1)
      statuses.add((await beacon(articleId, { address: '198.51.100.10' })).statusCode)
    // Every beacon gets the same answer, counted or not.
    expect([...statuses]).toEqual([204])
    expect(await viewsOf(articleId)).toBe(1)

    await beacon(articleId, { address: '198.51.100.11' })
    expect(await viewsOf(articleId)).toBe(2)
    // The no-script pixel of a reader already counted is the same reader.
    const pixel = await app.inject({
      url: `/api/v1/page-views/${articleId}.gif`,
      remoteAddress: '198.51.100.11',
      headers: { 'user-agent': 'Reader/1.0', 'sec-fetch-site': 'same-origin' },
    })
    expect(pixel.headers['content-type']).toBe('image/gif')
    expect(await viewsOf(articleId)).toBe(2)
  })

  it('counts the same reader again once 30 minutes have passed', async () => {
    const articleId = await buildArticle(store.db, { headline: 'Read again later' })
    const reader = { address: '198.51.100.20' }
    await beacon(articleId, reader)
    clock.advance(THIRTY_MINUTES_MS - 1000)
    await beacon(articleId, reader)
    expect(await viewsOf(articleId)).toBe(1)
    clock.advance(1000)
    await beacon(articleId, reader)
    expect(await viewsOf(articleId)).toBe(2)
  })

  it("counts beacons of the site's own pages, and not those another site's page sent", async () => {
    const articleId = await buildArticle(store.db, { headline: 'Embedded elsewhere' })
    for (const fetchSite of ['cross-site', 'same-site', 'none'])
      expect((await beacon(articleId, { address: '198.51.100.30', fetchSite })).statusCode).toBe(
        204,
      )
    expect(await viewsOf(articleId)).toBe(0)
    await beacon(articleId, { address: '198.51.100.30', fetchSite: 'same-origin' })
    expect(await viewsOf(articleId)).toBe(1)
  })

  it('ignores, without telling, beacons past 60 a minute from one address', async () => {
    const articleId = await buildArticle(store.db, { headline: 'Many user agents' })
    // A new user agent each time would be a new reader: the cap per address bounds that.
    for (let count = 0; count < 70; count += 1) {
      const reply = await beacon(articleId, { address: '198.51.100.40', userAgent: `Bot/${count}` })
      expect(reply.statusCode).toBe(204)
    }
    expect(await viewsOf(articleId)).toBe(60)
    clock.advance(60_000)
    await beacon(articleId, { address: '198.51.100.40', userAgent: 'Bot/70' })
    expect(await viewsOf(articleId)).toBe(61)
  })
})
