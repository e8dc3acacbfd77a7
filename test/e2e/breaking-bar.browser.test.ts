import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, serveDemoSite, type DemoServer } from './browser.js'
import { HomeScreen } from './home.screen.js'

/** The small phone a newsroom's readers still hold: the narrowest screen the bar must fit. */
const SMALL_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
const BREAKING_ITEMS = 3
/** Two lines of body text, and the bar's own padding: "about two lines". */
const BAR_PADDING_PX = 12

let browser: Browser
let server: DemoServer

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchBrowser(), serveDemoSite()])
  // Before any page is served, so that no cached frame holds the demo's own breaking list.
  for (const language of ['en', 'ar']) {
    const latest = await server.store.db
      .selectFrom('articles')
      .select('id')
      .where('language', '=', language)
      .where('status', '=', 'published')
      .orderBy('publishedAt', 'desc')
      .limit(BREAKING_ITEMS)
      .execute()
    await server.store.db
      .updateTable('articles')
      .set({ isBreaking: 1, breakingUntil: null })
      .where(
        'id',
        'in',
        latest.map((row) => row.id),
      )
      .execute()
  }
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the breaking bar on a small phone', () => {
  for (const language of ['en', 'ar']) {
    for (const isScriptOn of [true, false]) {
      it(`keeps ${BREAKING_ITEMS} ${language} items within two lines, each reachable (script ${isScriptOn ? 'on' : 'off'})`, async () => {
        const context = await browser.newContext({
          ...SMALL_PHONE,
          javaScriptEnabled: isScriptOn,
        })
        const page = await context.newPage()
        const home = new HomeScreen(page, server.baseUrl, { isTouch: true })
        await home.open(language)
        const bar = home.breakingBar
        const links = home.breakingLinks
        expect(await links.count()).toBe(BREAKING_ITEMS)

        const lineHeight = await page.evaluate<number>(
          'Number.parseFloat(getComputedStyle(document.body).lineHeight)',
        )
        const barBox = await bar.boundingBox()
        expect(barBox?.height).toBeLessThanOrEqual(2 * lineHeight + BAR_PADDING_PX)

        // Keyboard readers Tab along the strip, which scrolls each link into view as a swipe does.
        await links.first().focus()
        for (let index = 0; index < BREAKING_ITEMS; index++) {
          if (index > 0) await page.keyboard.press('Tab')
          await expect.poll(() => home.isBreakingItemShown(index)).toBe(true)
        }
        await context.close()
      })
    }
  }
})
