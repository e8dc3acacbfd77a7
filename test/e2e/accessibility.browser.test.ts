import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, describeViolations, summarizeViolations } from './axe.js'
import { launchBrowser, serveDemoSite, VIEWPORTS, type DemoServer } from './browser.js'
import { liveStoryPath, sectionPath, translatedArticle } from './demo-content.js'
import { SiteScreen } from './site.screen.js'

const EDITIONS = [
  { language: 'en', other: 'ar' },
  { language: 'ar', other: 'en' },
] as const

const PAGES: { name: string; pathOf: (language: string, other: string) => Promise<string> }[] = [
  { name: 'home page', pathOf: (language) => Promise.resolve(`/${language}/`) },
  { name: 'section page', pathOf: (language) => sectionPath(server, language) },
  {
    name: 'article page',
    pathOf: async (language, other) => (await translatedArticle(server, language, other)).path,
  },
  { name: 'live story page', pathOf: (language) => liveStoryPath(server, language) },
]

const BLOCKING_IMPACTS = new Set(['serious', 'critical'])

let browser: Browser
let server: DemoServer
let context: BrowserContext

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchBrowser(), serveDemoSite()])
  context = await browser.newContext(VIEWPORTS.desktop)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

for (const { language, other } of EDITIONS) {
  describe(`the ${language} edition to axe-core`, () => {
    for (const { name, pathOf } of PAGES) {
      it(`has no serious or critical violations on the ${name}`, async () => {
        const page = await context.newPage()
        try {
          const path = await pathOf(language, other)
          await new SiteScreen(page, server.baseUrl).visit(path)
          const violations = await axeViolations(page)
          console.log(
            summarizeViolations(`${language} ${name} ${decodeURIComponent(path)}`, violations),
          )
          const blocking = violations.filter((violation) =>
            BLOCKING_IMPACTS.has(violation.impact ?? ''),
          )
          expect(
            blocking.map((violation) => violation.id),
            describeViolations(blocking),
          ).toEqual([])
        } finally {
          await page.close()
        }
      })
    }
  })
}
