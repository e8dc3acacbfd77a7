import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArticleScreen } from './article.screen.js'
import { launchBrowser, serveDemoSite, VIEWPORTS, type DemoServer } from './browser.js'
import { galleryArticlePath } from './demo-content.js'

let browser: Browser
let server: DemoServer

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchBrowser(), serveDemoSite()])
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Every Content-Security-Policy refusal Chromium reports on the page, as console text. */
function collectViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  return violations
}

describe('the public site under its Content-Security-Policy', () => {
  for (const language of ['en', 'ar']) {
    it(`runs the ${language} edition's script, styles and fonts without a refusal`, async () => {
      const context = await browser.newContext(VIEWPORTS.desktop)
      try {
        const page = await context.newPage()
        const violations = collectViolations(page)
        await page.goto(`${server.baseUrl}/${language}/`)
        await page.waitForLoadState('load')

        // The gallery's viewer is the script's work: it opens, and closes with Esc.
        await page.goto(server.baseUrl + (await galleryArticlePath(server, language)))
        const article = new ArticleScreen(page, server.baseUrl)
        await article.thumbnail(0).click()
        await expect.poll(() => article.openDialog.count()).toBe(1)
        await page.keyboard.press('Escape')
        await expect.poll(() => article.openDialog.count()).toBe(0)

        await page.goto(`${server.baseUrl}/${language}/search?q=port`)
        expect(violations).toEqual([])
      } finally {
        await context.close()
      }
    })
  }
})
