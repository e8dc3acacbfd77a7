import { availableParallelism, loadavg } from 'node:os'
import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './axe.js'
import { launchBrowser, VIEWPORTS } from './browser.js'
import { addAccount, createNewsroomFixture, type NewsroomFixture } from './newsroom-fixture.js'
import { LiveScreen } from './live.screen.js'
import { LiveDeskScreen } from './newsroom-live-desk.screen.js'

const PASSWORD = 'a long newsroom password'
const EDITOR = { email: 'live-editor@news.example', name: 'Lina Live', role: 'editor' as const }
const SECOND = { email: 'live-second@news.example', name: 'Omar Second', role: 'editor' as const }

// Each step waits for what the other browser shows; a shared machine can be slow.
const WAIT = { timeout: 20_000 }

let browser: Browser
let newsroom: NewsroomFixture
let baseUrl: string
let app: FastifyInstance
const contexts: BrowserContext[] = []

/** A signed-in newsroom in a browser context of its own, in one interface language. */
async function openNewsroom(
  account: { email: string },
  options: { language: 'en' | 'ar'; viewport: BrowserContextOptions },
): Promise<LiveDeskScreen> {
  const context = await browser.newContext(options.viewport)
  contexts.push(context)
  await context.addInitScript(`localStorage.setItem('masthead.uiLanguage', '${options.language}')`)
  const screen = new LiveDeskScreen(await context.newPage(), baseUrl)
  await screen.open()
  await screen.signIn(account.email, PASSWORD)
  return screen
}

describe('the live desk in the newsroom app', () => {
  beforeAll(async () => {
    newsroom = await createNewsroomFixture()
    for (const account of [EDITOR, SECOND])
      await addAccount(newsroom.store.db, { ...account, password: PASSWORD })
    ;({ app, baseUrl } = await newsroom.serve())
    browser = await launchBrowser()
  }, 180_000)
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await newsroom?.close()
  })

  it('runs a live story: two editors post, pin, mark, edit and delete, then the coverage ends', async () => {
    const desk = await openNewsroom(EDITOR, { language: 'en', viewport: VIEWPORTS.desktop })
    const { page } = desk

    // The story is created in the editor as a live story, published, and opened on its desk.
    await desk.newArticleLink.click()
    await desk.field('headline').fill('Storm crosses the coast: live updates')
    await desk.field('section').selectOption({ index: 1 })
    await desk.field('article-type').selectOption('live')
    await desk.typeInBody('Follow the storm as it moves inland.')
    await desk.saveButton.click()
    const storyId = await desk.articleId()
    await desk.workflowButton('Publish').click()
    await page.locator('.save-state .status', { hasText: 'Published' }).waitFor(WAIT)
    await page.locator('.editor-actions a', { hasText: 'Live desk' }).click()
    await page.waitForURL(new RegExp(`/admin/articles/${storyId}/live$`))
    await desk.waitForDesk()
    expect(await desk.coverage.textContent()).toBe('Coverage is live')
    expect(await desk.storyStatus.textContent()).toBe('Published')
    expect(await page.locator('.coverage-actions a', { hasText: 'View on the site' }).count()).toBe(
      1,
    )

    // Control+Enter posts; the composer empties and keeps the keyboard for the next entry.
    await desk.compose('The storm reached the coast at noon.', 'Landfall')
    await desk.postWithKeyboard()
    const landfall = desk.entry('The storm reached the coast at noon.')
    await landfall.waitFor(WAIT)
    expect(await landfall.locator('.entry-title').textContent()).toBe('Landfall')
    expect(await landfall.locator('.entry-author').textContent()).toBe(EDITOR.name)
    await expect.poll(() => desk.composerBody.textContent(), WAIT).toBe('')
    expect(await desk.composerTitle.inputValue()).toBe('')
    await expect.poll(() => desk.isComposerBodyFocused(), WAIT).toBe(true)

    // An empty body is refused with a clear message, and the title typed stays.
    await desk.composerTitle.fill('Power cuts')
    await desk.postWithKeyboard()
    await desk.composerError.waitFor(WAIT)
    expect(await desk.composerError.textContent()).toContain('The entry is empty')
    expect(await desk.composerTitle.inputValue()).toBe('Power cuts')
    expect(await desk.entries.count()).toBe(1)

    // A reader has the story's page open: what the desk posts reaches it through the stream.
    const readerContext = await browser.newContext(VIEWPORTS.phone)
    contexts.push(readerContext)
    const reader = new LiveScreen(await readerContext.newPage(), baseUrl)
    const publicUrl = await page
      .locator('.coverage-actions a', { hasText: 'View on the site' })
      .getAttribute('href')
    const streamsBefore = app.newsroom.streams.count()
    await reader.visit(new URL(publicUrl ?? '', baseUrl).pathname)
    await expect.poll(() => app.newsroom.streams.count(), WAIT).toBeGreaterThan(streamsBefore)

    // A second editor, in Arabic on a phone, has the desk open: what the first posts appears.
    const second = await openNewsroom(SECOND, { language: 'ar', viewport: VIEWPORTS.phone })
    await second.openDesk(storyId)
    await second.waitForDesk()
    expect(await second.page.locator('html').getAttribute('dir')).toBe('rtl')
    await second.entry('The storm reached the coast at noon.').waitFor(WAIT)
    await desk.compose('Thousands of homes are without power.')
    await desk.postWithKeyboard()
    const postedAt = Date.now()
    await desk.entry('Thousands of homes are without power.').waitFor(WAIT)
    await reader.newUpdatesButton.waitFor(WAIT)
    // Two seconds on a machine with a core to spare; more on a busier one.
    const bound = 2000 * Math.max(1, (loadavg()[0] ?? 0) / availableParallelism())
    expect(Date.now() - postedAt).toBeLessThan(bound)
    await reader.newUpdatesButton.click()
    await expect
      .poll(() => reader.entries.first().textContent(), WAIT)
      .toContain('Thousands of homes are without power.')
    await second.entry('Thousands of homes are without power.').waitFor(WAIT)
    expect(await second.entries.count()).toBe(2)
    expect(await desk.composerError.count()).toBe(0)

    // …and the other way round, while the first is halfway through writing the next entry.
    await desk.composerBody.click()
    await page.keyboard.type('Half-written')
    await second.compose('Roads to the airport are closed.')
    await second.postWithKeyboard()
    await desk.entry('Roads to the airport are closed.').waitFor(WAIT)
    expect(await desk.composerBody.textContent()).toBe('Half-written')

    // Pin and key event: toggled here, shown on both desks.
    await desk.entryButton(landfall, 'Pin').click()
    await expect
      .poll(() => desk.entryButton(landfall, 'Pin').getAttribute('aria-pressed'), WAIT)
      .toBe('true')
    await desk.entryButton(landfall, 'Key event').click()
    await expect.poll(() => landfall.locator('.mark-key').count(), WAIT).toBe(1)
    expect(await landfall.locator('.mark-pinned').count()).toBe(1)
    const landfallThere = second.entry('The storm reached the coast at noon.')
    await expect.poll(() => landfallThere.locator('.mark-pinned, .mark-key').count(), WAIT).toBe(2)

    // Pinning another entry unpins the first, on both desks.
    const roads = desk.entry('Roads to the airport are closed.')
    await desk.entryButton(roads, 'Pin').click()
    await expect.poll(() => landfall.locator('.mark-pinned').count(), WAIT).toBe(0)
    await expect.poll(() => landfallThere.locator('.mark-pinned').count(), WAIT).toBe(0)
    await expect
      .poll(() => second.entry('Roads to the airport').locator('.mark-pinned').count(), WAIT)
      .toBe(1)

    // Edit in place with the same editor; Control+Enter saves; the entry says it was edited.
    await desk.entryButton(landfall, 'Edit').click()
    const editor = landfall.locator('.body-text')
    await editor.waitFor(WAIT)
    await editor.click()
    await page.keyboard.press('Control+a')
    await page.keyboard.type('The storm reached the coast just before noon.')
    await page.keyboard.press('Control+Enter')
    const edited = desk.entry('just before noon')
    await edited.locator('.entry-edited').waitFor(WAIT)
    expect(await edited.locator('.entry-body').textContent()).toBe(
      'The storm reached the coast just before noon.',
    )
    await second.entry('just before noon').locator('.entry-edited').waitFor(WAIT)
    expect(await desk.composerBody.textContent()).toBe('Half-written')

    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])

    // Delete, after the question; it goes from both desks.
    const power = desk.entry('Thousands of homes are without power.')
    desk.acceptNextQuestion()
    await desk.entryButton(power, 'Delete').click()
    await expect.poll(() => power.count(), WAIT).toBe(0)
    await expect.poll(() => second.entry('Thousands of homes').count(), WAIT).toBe(0)
    expect(await desk.page.locator('.stream-heading .result-count').textContent()).toBe('2 entries')

    // Ending the coverage (after the question): a post is then refused, its text kept.
    desk.acceptNextQuestion()
    await page.locator('button.coverage-end').click()
    await page.locator('.coverage.is-ended').waitFor(WAIT)
    expect(await desk.coverage.textContent()).toMatch(/^Coverage ended /)
    await desk.composerBody.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' after the end')
    await desk.postWithKeyboard()
    await desk.composerError.waitFor(WAIT)
    expect(await desk.composerError.textContent()).toContain('The coverage of this story has ended')
    expect(await desk.composerBody.textContent()).toBe('Half-written after the end')
    expect(await desk.entries.count()).toBe(2)

    // Reopened, the same text posts.
    await page.locator('button.coverage-reopen').click()
    await page.locator('.coverage.is-live').waitFor(WAIT)
    await desk.composerBody.click()
    await desk.postWithKeyboard()
    await desk.entry('Half-written after the end').waitFor(WAIT)
    await second.entry('Half-written after the end').waitFor(WAIT)

    // The article list marks the live story and leads to its desk.
    await desk.open('/admin/articles')
    const row = page.locator('.article-table tr', { hasText: 'Storm crosses the coast' })
    await row.waitFor(WAIT)
    expect(await row.locator('.live-mark').textContent()).toBe('Live')
    await row.locator('.list-desk-link').click()
    await page.waitForURL(new RegExp(`/admin/articles/${storyId}/live$`))
    await desk.entry('Half-written after the end').waitFor(WAIT)
  }, 240_000)
})
