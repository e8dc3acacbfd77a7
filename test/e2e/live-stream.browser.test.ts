import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoSite } from '../helpers/demo-site.js'
import { signInAs, type NewsroomClient } from '../helpers/newsroom-client.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'
import { launchBrowser, VIEWPORTS } from './browser.js'
import { LiveScreen } from './live.screen.js'

/** What the issue allows from a save to a reader's screen. */
const DELIVERY_MS = 2000

let browser: Browser
let store: TestStore
let app: FastifyInstance
let baseUrl: string
let editor: NewsroomClient

beforeAll(async () => {
  store = await createTestStore('sqlite')
  app = await createDemoSite(store)
  await app.listen({ port: 0, host: '127.0.0.1' })
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  ;[browser, editor] = await Promise.all([launchBrowser(), signInAs(app, store.db, 'editor')])
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await store?.dispose()
})

/** Waits until the server holds `count` more reader streams than `before`: the page is listening. */
async function streamsOpened(before: number, count = 1): Promise<void> {
  await expect
    .poll(() => app.newsroom.streams.count(), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(before + count)
}

async function publishedPath(
  language: string,
  headline: string,
): Promise<{ id: number; path: string }> {
  const response = await editor.request({
    method: 'POST',
    url: '/api/admin/articles',
    payload: {
      language,
      headline,
      // Long enough to scroll: the reader is halfway down when the news comes.
      body: '<p>A paragraph of the story, long enough to wrap on a phone.</p>'.repeat(40),
      section: 'news',
      status: 'published',
    },
  })
  expect(response.statusCode, response.body).toBe(201)
  const { id, url } = response.json<{ id: number; url: string }>()
  return { id, path: new URL(url).pathname }
}

describe('the breaking bar of an ordinary article page', () => {
  for (const [language, viewport] of [
    ['en', 'desktop'],
    ['ar', 'phone'],
  ] as const) {
    it(`shows a story an editor flags breaking, without moving the ${language} page on a ${viewport}`, async () => {
      const reading = await publishedPath(language, `${language} story being read`)
      const context = await browser.newContext(VIEWPORTS[viewport])
      try {
        const screen = new LiveScreen(await context.newPage(), baseUrl)
        const before = app.newsroom.streams.count()
        await screen.visit(reading.path)
        await streamsOpened(before)
        await screen.scrollTo(600)
        const paragraph = screen.page.locator('main p').last()
        const topBefore = await screen.topOf(paragraph)

        const headline = `${language} dam gates opened ${Date.now()}`
        const flagged = await publishedPath(language, headline)
        const savedAt = Date.now()
        const patch = await editor.request({
          method: 'PATCH',
          url: `/api/admin/articles/${flagged.id}`,
          payload: { isBreaking: true },
        })
        expect(patch.statusCode, patch.body).toBe(200)
        await screen.breakingLinks.filter({ hasText: headline }).waitFor({ timeout: 20_000 })
        expect(Date.now() - savedAt).toBeLessThan(DELIVERY_MS * 5)
        expect(await screen.breakingLinks.first().getAttribute('href')).toBe(flagged.path)
        expect(Math.abs((await screen.topOf(paragraph)) - topBefore)).toBeLessThanOrEqual(1)
      } finally {
        await context.close()
      }
    }, 120_000)
  }
})
