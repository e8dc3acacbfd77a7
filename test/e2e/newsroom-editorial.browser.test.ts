import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fromZonedInput, toZonedInput } from '../../admin/src/editor/panels/site-time.js'
import type { UserRole } from '../../src/db/database.js'
import { getSiteSettings } from '../../src/modules/settings/settings-queries.js'
import { hashPassword } from '../../src/modules/users/password.js'
import { createUser } from '../../src/modules/users/user-queries.js'
import { manualClock } from '../../src/platform/clock.js'
import { parseHtml } from '../helpers/html.js'
import type { TestStore } from '../helpers/test-databases.js'
import { axeViolations, describeViolations } from './axe.js'
import { createNewsroomFixture, type NewsroomFixture } from './newsroom-fixture.js'
import { launchBrowser, VIEWPORTS } from './browser.js'
import { EditorialScreen } from './newsroom-editorial.screen.js'

const PASSWORD = 'a long newsroom password'
const ACCOUNTS: Record<'editor' | 'contributor', { email: string; role: UserRole; name: string }> =
  {
    editor: { email: 'desk@news.example', role: 'editor', name: 'Desk Editor' },
    contributor: { email: 'stringer@news.example', role: 'contributor', name: 'Field Stringer' },
  }

// A clock the test moves to make a scheduled time come; it starts at the real time so that
// session cookies are valid in the browser.
const clock = manualClock(new Date())
let browser: Browser
let newsroom: NewsroomFixture
let store: TestStore
let app: FastifyInstance
let baseUrl: string
let context: BrowserContext | undefined
let siteTimeZone: string

beforeAll(async () => {
  newsroom = await createNewsroomFixture(clock.now())
  store = newsroom.store
  siteTimeZone = (await getSiteSettings(store.db)).timeZone
  const passwordHash = await hashPassword(PASSWORD)
  for (const account of Object.values(ACCOUNTS))
    await createUser(store.db, { ...account, passwordHash }, clock.now())
  ;({ app, baseUrl } = await newsroom.serve(clock))
  // The scheduled publisher runs as in the server: a check every few seconds.
  app.newsroom.startBackgroundWork()
  browser = await launchBrowser()
}, 180_000)

afterEach(async () => {
  await context?.close()
  context = undefined
})

afterAll(async () => {
  await browser?.close()
  await newsroom?.close()
})

async function openNewsroom(
  who: keyof typeof ACCOUNTS,
  language: 'en' | 'ar' = 'en',
): Promise<EditorialScreen> {
  context = await browser.newContext({ ...VIEWPORTS.desktop })
  await context.addInitScript(`localStorage.setItem('masthead.uiLanguage', '${language}')`)
  const screen = new EditorialScreen(await context.newPage(), baseUrl)
  await screen.open()
  await screen.signIn(ACCOUNTS[who].email, PASSWORD)
  return screen
}

/** Starts a new English article and saves it as a draft; answers its id. */
async function writeDraft(screen: EditorialScreen, headline: string): Promise<number> {
  await screen.newArticleLink.click()
  await screen.field('headline').fill(headline)
  await screen.field('section').selectOption({ index: 1 })
  await screen.typeInBody(`${headline}: the first paragraph of a neutral test story.`)
  await screen.saveButton.click()
  return screen.articleId()
}

/** Fetches a page of this server (an API answer's URLs name the configured site instead). */
const fetchHere = (url: string) => fetch(new URL(new URL(url, baseUrl).pathname, baseUrl))

// Each test drives a whole workflow in a real browser on a shared machine.
const WORKFLOW_MS = 120_000

describe('the editor around the body', () => {
  it(
    'writes the Arabic version beside the English one, and the two link to each other',
    async () => {
      const screen = await openNewsroom('editor')
      const englishId = await writeDraft(screen, 'Water tower repainted in blue')
      await screen.workflowButton('Publish').click()
      await screen.waitForStatus('Published')

      await screen.button('Create the Arabic version').click()
      await screen.page.waitForURL((url) => !url.pathname.endsWith(`/articles/${englishId}`))
      const arabicId = await screen.articleId()
      expect(arabicId).not.toBe(englishId)
      // The English original is shown read-only beside the Arabic draft.
      await screen.originalPane.waitFor()
      expect(await screen.originalPane.locator('.original-headline').textContent()).toBe(
        'Water tower repainted in blue',
      )
      expect(await screen.originalPane.locator('.original-text').getAttribute('dir')).toBe('ltr')
      expect(await screen.body.getAttribute('dir')).toBe('rtl')

      await screen.field('headline').fill('طلاء خزان المياه باللون الأزرق')
      // The slug follows the new headline, in Arabic.
      expect(await screen.field('slug').inputValue()).toBe('طلاء-خزان-المياه-باللون-الأزرق')
      await screen.replaceBody('أعيد طلاء خزان المياه في الحي باللون الأزرق هذا الأسبوع.')
      await screen.saveWithKeyboard()
      await screen.workflowButton('Publish').click()
      await screen.waitForStatus('Published')

      // Each version opens the other in the newsroom…
      await screen.translationLink('English').click()
      await screen.page.waitForURL(new RegExp(`/admin/articles/${englishId}$`))
      await screen.translationLink('Arabic').waitFor()
      expect(await screen.translationLink('Arabic').getAttribute('href')).toBe(
        `/admin/articles/${arabicId}`,
      )

      // …and on the public site.
      const english = parseHtml(
        await (await fetchHere((await screen.publicLink.getAttribute('href')) ?? '')).text(),
      )
      const toArabic = english.querySelector('.article__translation a')?.getAttribute('href') ?? ''
      const arabicPage = await fetchHere(toArabic)
      expect(arabicPage.status).toBe(200)
      const arabic = parseHtml(await arabicPage.text())
      expect(arabic.querySelector('h1')?.text).toBe('طلاء خزان المياه باللون الأزرق')
      const toEnglish = arabic.querySelector('.article__translation a')?.getAttribute('href') ?? ''
      expect(parseHtml(await (await fetchHere(toEnglish)).text()).querySelector('h1')?.text).toBe(
        'Water tower repainted in blue',
      )
    },
    WORKFLOW_MS,
  )

  it(
    'schedules an article in the site’s time zone, and the publisher puts it live on time',
    async () => {
      const screen = await openNewsroom('editor')
      await writeDraft(screen, 'Night market opens on the quay')
      const due = new Date(clock.now().getTime() + 90 * 60_000)
      const typed = toZonedInput(due, siteTimeZone)
      await screen.field('scheduled-at').fill(typed)
      expect(await screen.page.locator('label[for=scheduled-at]').textContent()).toContain(
        siteTimeZone,
      )
      await screen.workflowButton('Schedule').click()
      await screen.waitForStatus('Scheduled')
      await screen.page.locator('.scheduled-for').waitFor()
      const href = (await screen.publicLinkOrNull()) ?? ''
      const article = await store.db
        .selectFrom('articles')
        .select(['id', 'scheduledAt'])
        .where('headline', '=', 'Night market opens on the quay')
        .executeTakeFirstOrThrow()
      // The time typed is read in the site's zone, not the browser's.
      expect(article.scheduledAt).toBe(fromZonedInput(typed, siteTimeZone)?.toISOString())
      expect(href).toBe('')

      clock.advance(2 * 60 * 60_000)
      await screen.page.reload()
      await expect
        .poll(
          async () => {
            await screen.page.reload()
            return screen.status.textContent()
          },
          { timeout: 20_000, interval: 1000 },
        )
        .toBe('Published')
      const page = await fetchHere((await screen.publicLink.getAttribute('href')) ?? '')
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('Night market opens on the quay')
      expect(article.id).toBeGreaterThan(0)
    },
    WORKFLOW_MS,
  )

  it(
    'tells a contributor why they cannot publish, and lets them submit',
    async () => {
      const screen = await openNewsroom('contributor')
      await writeDraft(screen, 'Library extends its opening hours')
      await screen.workflowButton('Submit for review').waitFor()
      expect(await screen.workflowButton('Publish').count()).toBe(0)
      expect(await screen.workflowButton('Schedule').count()).toBe(0)
      expect(await screen.publishReason.textContent()).toContain('Contributors cannot publish')
      // The publish shortcut points at the reason instead of doing nothing.
      await screen.page.keyboard.press('Control+Shift+Enter')
      await expect.poll(() => screen.publishReason.getAttribute('role')).toBe('alert')
      expect(await screen.page.evaluate('document.activeElement?.id')).toBe(
        'publish-blocked-reason',
      )
      await screen.workflowButton('Submit for review').click()
      await screen.waitForStatus('In review')
      expect(await screen.publishReason.textContent()).toContain('an editor will publish it')
    },
    WORKFLOW_MS,
  )

  it(
    'opens a preview of the draft through a signed link, not indexed and not stored',
    async () => {
      const screen = await openNewsroom('editor')
      const id = await writeDraft(screen, 'Ferry timetable changes next month')
      await screen.field('headline').fill('Ferry timetable changes in the spring')
      await screen.button('Preview').click()
      await screen.previewLink.waitFor()
      // Unsaved changes were saved first, so the preview shows them.
      await screen.page.locator('.save-state', { hasText: 'Saved at' }).waitFor()
      const href = (await screen.previewLink.getAttribute('href')) ?? ''
      expect(href).toMatch(new RegExp(`/preview/${id}\\.\\d+\\.[\\w-]{43}$`))
      const preview = await context!.newPage()
      const response = await preview.goto(new URL(new URL(href).pathname, baseUrl).toString())
      expect(response?.status()).toBe(200)
      expect(response?.headers()['cache-control']).toBe('private, no-store')
      expect(response?.headers()['x-robots-tag']).toBe('noindex')
      expect(await preview.locator('h1').textContent()).toBe(
        'Ferry timetable changes in the spring',
      )
      expect(await preview.locator('meta[name=robots]').getAttribute('content')).toBe('noindex')
      await preview.locator('.preview-notice').waitFor()
    },
    WORKFLOW_MS,
  )

  it(
    'restores the first version from the history: the editor shows its text and a new version is saved',
    async () => {
      const screen = await openNewsroom('editor')
      const headline = 'Harbour clock wound again'
      const id = await writeDraft(screen, headline)
      const first = `${headline}: the first paragraph of a neutral test story.`
      await expect.poll(() => screen.body.textContent()).toBe(first)
      await screen.replaceBody('A second version of the story, about the clock tower stairs.')
      await screen.saveWithKeyboard()
      await screen.replaceBody('A third version, about the bell that strikes the hour.')
      await screen.saveWithKeyboard()
      const savedBefore = await revisionsOf(id)

      await screen.openHistory()
      await screen.restoreRevision(1)

      await expect.poll(() => screen.body.textContent()).toBe(first)
      await expect.poll(() => screen.revisions.count()).toBe(savedBefore.length + 1)
      expect(await screen.revisions.first().textContent()).toContain('Restored')
      const savedAfter = await revisionsOf(id)
      expect(savedAfter.at(-1)?.kind).toBe('restore')
      expect(savedAfter.at(-1)?.number).toBe((savedBefore.at(-1)?.number ?? 0) + 1)
      // The restored text is saved, not only shown: the article opens with it afresh.
      await screen.page.reload()
      await expect.poll(() => screen.body.textContent()).toBe(first)
    },
    WORKFLOW_MS,
  )

  it(
    'passes axe with every panel open, in English and in Arabic',
    async () => {
      const found: string[] = []
      for (const language of ['en', 'ar'] as const) {
        const screen = await openNewsroom('editor', language)
        await screen.open(
          `/admin/articles/${await writeDraftId(screen, `Panels checked in ${language}`)}`,
        )
        await screen.body.waitFor()
        for (const panel of ['.seo-group', '.notices', '.revisions'])
          await screen.page.locator(`${panel} > summary`).click()
        await screen.page.locator('.revision-list li').first().waitFor()
        const violations = await axeViolations(screen.page)
        if (violations.length > 0) found.push(`${language}: ${describeViolations(violations)}`)
        await context?.close()
        context = undefined
      }
      expect(found).toEqual([])
    },
    WORKFLOW_MS,
  )
})

/** The saved versions of an article, oldest first. */
const revisionsOf = (articleId: number) =>
  store.db
    .selectFrom('articleRevisions')
    .select(['number', 'kind'])
    .where('articleId', '=', articleId)
    .orderBy('number')
    .execute()

async function writeDraftId(screen: EditorialScreen, headline: string): Promise<number> {
  await screen.newArticleLink.click()
  await screen.field('headline').fill(headline)
  await screen.field('section').selectOption({ index: 1 })
  await screen.saveButton.click()
  return screen.articleId()
}
