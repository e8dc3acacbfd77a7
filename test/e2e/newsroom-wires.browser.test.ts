import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createWireFeed } from '../../src/modules/wires/wire-feed-queries.js'
import { startWireFeedServer, type WireFeedServer } from '../integration/wires/wire-feed-server.js'
import { axeViolations, describeViolations } from './axe.js'
import { launchBrowser, VIEWPORTS } from './browser.js'
import { addAccount, createNewsroomFixture, type NewsroomFixture } from './newsroom-fixture.js'
import { NewsroomWiresScreen } from './newsroom-wires.screen.js'

const AUTHOR = { email: 'wires-author@news.example', password: 'a long newsroom password' }
const EDITOR = { email: 'wires-editor@news.example', password: 'a long newsroom password' }

let browser: Browser
let newsroom: NewsroomFixture
let feeds: WireFeedServer
let baseUrl: string
let agencyName: string
let context: BrowserContext | undefined

describe('the wire desk in the newsroom app', () => {
  beforeAll(async () => {
    newsroom = await createNewsroomFixture()
    const { db } = newsroom.store
    await addAccount(db, { ...AUTHOR, name: 'Wafa Desk', role: 'author' })
    await addAccount(db, { ...EDITOR, name: 'Hadi Chief', role: 'editor' })
    const agency = await db
      .selectFrom('sources')
      .select(['id', 'name'])
      .orderBy('id')
      .executeTakeFirstOrThrow()
    agencyName = (JSON.parse(agency.name) as Record<string, string>)['en'] ?? ''
    feeds = await startWireFeedServer()
    feeds.serve('/en.rss', { kind: 'file', name: 'agency-en.rss.xml', etag: '"1"' })
    await createWireFeed(
      db,
      {
        sourceId: agency.id,
        name: 'English service',
        url: feeds.url('/en.rss'),
        folder: null,
        format: 'rss',
        language: 'en',
        pollIntervalSeconds: 300,
        isEnabled: true,
      },
      new Date(),
    )
    const served = await newsroom.serve()
    baseUrl = served.baseUrl
    await served.app.newsroom.wires.pollDueFeeds()
    browser = await launchBrowser()
  }, 180_000)
  afterEach(async () => {
    await context?.close()
    context = undefined
  })
  afterAll(async () => {
    await browser?.close()
    await feeds?.close()
    await newsroom?.close()
  })

  it('lists an agency’s stories, opens one and turns it into a draft in the editor', async () => {
    context = await browser.newContext(VIEWPORTS.desktop)
    const screen = new NewsroomWiresScreen(await context.newPage(), baseUrl)
    await screen.open()
    await screen.signIn(AUTHOR.email, AUTHOR.password)
    await screen.filterByAgency(agencyName)
    await expect
      .poll(() => screen.headlines.allTextContents())
      .toEqual(
        expect.arrayContaining([
          'City council approves new bus routes',
          'Library extends weekend opening hours',
          'Marathon route announced for October',
        ]),
      )
    const panel = await screen.read('City council approves new bus routes')
    expect(await panel.locator('.wire-body strong').textContent()).toBe('three bus routes')
    const violations = await axeViolations(screen.page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screen.useAsDraft()
    await expect
      .poll(() => screen.page.locator('#headline').inputValue(), { timeout: 20_000 })
      .toBe('City council approves new bus routes')
  })

  it('shows editors each feed’s last check in the settings, and checks one on demand', async () => {
    context = await browser.newContext(VIEWPORTS.desktop)
    const page = await context.newPage()
    const screen = new NewsroomWiresScreen(page, baseUrl)
    await screen.open()
    await screen.signIn(EDITOR.email, EDITOR.password)
    await page.goto(new URL('/admin/settings/wire-feeds', baseUrl).toString())
    const row = page.locator('.resource-wire-feeds tr', { hasText: 'English service' })
    await expect.poll(() => row.textContent()).toMatch(/Fine, /)
    expect(await row.textContent()).toContain(agencyName)
    await row.getByRole('button', { name: 'Check now: English service' }).click()
    await expect
      .poll(() => page.locator('.settings-area > .result-count').textContent())
      .toBe('English service: nothing new.')
    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
  })
})

describe('an empty wire desk with no agency feed set up', () => {
  let emptyNewsroom: NewsroomFixture
  let emptyBaseUrl: string

  beforeAll(async () => {
    emptyNewsroom = await createNewsroomFixture()
    const { db } = emptyNewsroom.store
    await addAccount(db, { ...AUTHOR, name: 'Wafa Desk', role: 'author' })
    await addAccount(db, { ...EDITOR, name: 'Hadi Chief', role: 'editor' })
    expect(await db.selectFrom('wireFeeds').select('id').execute()).toEqual([])
    emptyBaseUrl = (await emptyNewsroom.serve()).baseUrl
    browser = await launchBrowser()
  }, 180_000)
  afterEach(async () => {
    await context?.close()
    context = undefined
  })
  afterAll(async () => {
    await browser?.close()
    await emptyNewsroom?.close()
  })

  async function openAs(account: typeof EDITOR, language: 'en' | 'ar' = 'en') {
    context = await browser.newContext(VIEWPORTS.desktop)
    await context.addInitScript(`localStorage.setItem('masthead.uiLanguage', '${language}')`)
    const screen = new NewsroomWiresScreen(await context.newPage(), emptyBaseUrl)
    await screen.open()
    await screen.signIn(account.email, account.password)
    return screen
  }

  it('tells an editor how to add a feed and links to Settings → Agency feeds, in both languages', async () => {
    for (const [language, link] of [
      ['en', 'Settings → Agency feeds: add a feed'],
      ['ar', 'الإعدادات ← مصادر الوكالات: أضف خلاصة'],
    ] as const) {
      const screen = await openAs(EDITOR, language)
      await screen.emptyDesk.waitFor()
      expect(await screen.emptyDesk.textContent()).toMatch(
        language === 'en' ? /No agency feeds are set up/ : /لا توجد خلاصات وكالات مضبوطة/,
      )
      const violations = await axeViolations(screen.page)
      expect(violations, describeViolations(violations)).toEqual([])
      await screen.emptyDesk.getByRole('link', { name: link }).click()
      await screen.page.waitForURL(/\/admin\/settings\/wire-feeds$/)
      await screen.page.locator('.resource-wire-feeds').waitFor()
      await context?.close()
      context = undefined
    }
  })

  it('tells an author that editors add agency feeds', async () => {
    const screen = await openAs(AUTHOR)
    await expect
      .poll(() => screen.emptyDesk.textContent())
      .toBe('No wire stories yet. Editors add agency feeds in Settings → Agency feeds.')
    expect(await screen.emptyDesk.getByRole('link').count()).toBe(0)
  })
})
