import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildAdmin } from '../../src/admin-app/admin-build.js'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import { loadDemoContent } from '../../src/demo/load-demo.js'
import { generateTotpSecret, totpCode } from '../../src/modules/access/totp.js'
import { hashPassword } from '../../src/modules/users/password.js'
import { createUser } from '../../src/modules/users/user-queries.js'
import { systemClock } from '../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { buildEditions } from '../helpers/factories.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'
import { axeViolations, describeViolations } from './axe.js'
import { launchBrowser, VIEWPORTS } from './browser.js'
import { NewsroomScreen } from './newsroom.screen.js'

const EDITOR = { email: 'desk@news.example', password: 'a long editor password' }
const GUARDED = { email: 'guarded@news.example', password: 'another long password' }
const TOTP_SECRET = generateTotpSecret()

let browser: Browser
let store: TestStore
let app: FastifyInstance
let baseUrl: string
let context: BrowserContext | undefined
/** Content-Security-Policy refusals Chromium reported during the current test. */
let policyViolations: string[] = []

// The real clock: session cookies must not expire in the browser, and publishing happens now.
beforeAll(async () => {
  // Built afresh into a folder of its own: never older than its sources, and never read by
  // other tests halfway through.
  const adminFolder = mkdtempSync(join(tmpdir(), 'masthead-admin-build-'))
  await buildAdmin(() => undefined, adminFolder)
  store = await createTestStore('sqlite')
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-newsroom-'))
  await buildEditions(store.db)
  const storage = createLocalMediaStorage(mediaFolderOf(dataDir))
  await loadDemoContent(store.db, storage, new Date())
  await createUser(
    store.db,
    {
      ...EDITOR,
      name: 'Desk Editor',
      role: 'editor',
      passwordHash: await hashPassword(EDITOR.password),
    },
    new Date(),
  )
  const guardedId = await createUser(
    store.db,
    {
      ...GUARDED,
      name: 'Guarded Editor',
      role: 'editor',
      passwordHash: await hashPassword(GUARDED.password),
    },
    new Date(),
  )
  await store.db
    .updateTable('users')
    .set({ totpSecret: TOTP_SECRET })
    .where('id', '=', guardedId)
    .execute()
  const config = loadConfig({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' })
  app = await buildApp({ config, store, clock: systemClock, storage, adminFolder })
  await app.listen({ port: 0, host: '127.0.0.1' })
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  browser = await launchBrowser()
}, 180_000)

afterEach(async () => {
  await context?.close()
  context = undefined
  // Every flow of the app runs under its policy: nothing it needs may be refused.
  const violations = policyViolations
  policyViolations = []
  expect(violations).toEqual([])
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await store?.dispose()
})

async function openNewsroom(): Promise<NewsroomScreen> {
  context = await browser.newContext({ ...VIEWPORTS.desktop, locale: 'en-GB' })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) policyViolations.push(message.text())
  })
  const screen = new NewsroomScreen(page, baseUrl)
  await screen.open()
  await screen.signIn(EDITOR.email, EDITOR.password)
  return screen
}

/** The public page of an article, at this server (the API's URL names the configured site). */
async function publicPage(screen: NewsroomScreen): Promise<string> {
  const href = await screen.publicLink.getAttribute('href')
  const response = await fetch(new URL(new URL(href ?? '').pathname, baseUrl))
  expect(response.status).toBe(200)
  return response.text()
}

describe('the newsroom app', () => {
  it('writes, saves and publishes an English article that the public site then shows', async () => {
    const screen = await openNewsroom()
    await screen.newArticleLink.click()
    await screen.field('headline').fill('Harbour tender reopened after complaints')
    await screen.field('dek').fill('The port authority will take new bids until March.')
    await screen.field('section').selectOption({ index: 1 })
    await screen.addTags(['Harbour', 'Tenders'])
    await expect.poll(() => screen.page.locator('.chip').count()).toBe(2)
    await screen.typeInBody('The port authority reopened the tender on Monday.')
    await screen.saveButton.click()
    const id = await screen.articleId()
    expect(await screen.status.textContent()).toBe('Draft')
    expect(await screen.body.getAttribute('dir')).toBe('ltr')

    await screen.typeInBody(' Bids close in March.')
    await screen.page.keyboard.press('Control+s')
    await screen.page.locator('.save-state', { hasText: 'Saved at' }).waitFor()
    await screen.workflowButton('Publish').click()
    await screen.page.locator('.save-state .status', { hasText: 'Published' }).waitFor()

    const html = await publicPage(screen)
    expect(html).toContain('Harbour tender reopened after complaints')
    expect(html).toContain('The port authority reopened the tender on Monday. Bids close in March.')
    expect(id).toBeGreaterThan(0)
  })

  it('works in Arabic: a mirrored interface and a right-to-left body for an Arabic article', async () => {
    const screen = await openNewsroom()
    await screen.switchLanguage()
    expect(await screen.page.locator('html').getAttribute('dir')).toBe('rtl')
    expect(await screen.page.locator('html').getAttribute('lang')).toBe('ar')
    await screen.newArticleLink.click()
    expect(await screen.field('language').inputValue()).toBe('ar')
    await screen.field('headline').fill('إعادة فتح مناقصة الميناء بعد شكاوى')
    await screen.field('section').selectOption({ index: 1 })
    await screen.typeInBody('أعادت هيئة الميناء فتح المناقصة يوم الاثنين.')
    expect(await screen.body.getAttribute('dir')).toBe('rtl')
    await screen.saveButton.click()
    await screen.articleId()
    await screen.workflowButton('انشر').click()
    await screen.page.locator('.save-state .status', { hasText: 'منشورة' }).waitFor()
    const html = await publicPage(screen)
    expect(html).toContain('إعادة فتح مناقصة الميناء بعد شكاوى')
    expect(html).toContain('أعادت هيئة الميناء فتح المناقصة يوم الاثنين.')
  })

  it('shows a bad slug next to its field and keeps what was typed', async () => {
    const screen = await openNewsroom()
    await screen.newArticleLink.click()
    await screen.field('headline').fill('A story with a bad slug')
    await screen.field('section').selectOption({ index: 1 })
    await screen.field('slug').fill('no spaces allowed!')
    await screen.typeInBody('Words that must survive the error.')
    await screen.saveButton.click()
    await screen.fieldError('slug').waitFor()
    expect(await screen.fieldError('slug').textContent()).toBe(
      'Use only letters and digits joined by hyphens, without spaces.',
    )
    expect(await screen.field('slug').getAttribute('aria-invalid')).toBe('true')
    expect(await screen.field('headline').inputValue()).toBe('A story with a bad slug')
    expect(await screen.body.textContent()).toContain('Words that must survive the error.')
    expect(screen.page.url()).toMatch(/\/admin\/articles\/new/)
  })

  it("refuses a stale tab's save without losing its text", async () => {
    const screen = await openNewsroom()
    await screen.newArticleLink.click()
    await screen.field('headline').fill('Two tabs, one story')
    await screen.field('section').selectOption({ index: 1 })
    await screen.saveButton.click()
    const id = await screen.articleId()

    const otherTab = new NewsroomScreen(await context!.newPage(), baseUrl)
    await otherTab.open(`/admin/articles/${id}`)
    await otherTab.field('headline').fill('Two tabs, one story (edited elsewhere)')
    await otherTab.saveButton.click()
    await otherTab.page.locator('.save-state', { hasText: 'Saved at' }).waitFor()

    await screen.typeInBody('Text written in the stale tab.')
    await screen.saveButton.click()
    await screen.formError.waitFor()
    expect(await screen.formError.textContent()).toContain('Someone saved this article')
    expect(await screen.body.textContent()).toContain('Text written in the stale tab.')
  })

  it('asks for the two-factor code when the account has it on, and signs out', async () => {
    context = await browser.newContext({ ...VIEWPORTS.phone, locale: 'en-GB' })
    const screen = new NewsroomScreen(await context.newPage(), baseUrl)
    await screen.open()
    await screen.field('sign-in-email').fill(GUARDED.email)
    await screen.field('sign-in-password').fill(GUARDED.password)
    await screen.page.locator('.sign-in button[type=submit]').click()
    await screen.field('sign-in-code').waitFor()
    await screen.field('sign-in-code').fill(totpCode(TOTP_SECRET, new Date()))
    await screen.page.locator('.sign-in button[type=submit]').click()
    await screen.page.locator('.article-table').waitFor()
    await screen.page.locator('.app-header button', { hasText: 'Sign out' }).click()
    await screen.field('sign-in-email').waitFor()
    const session = await screen.page.evaluate(() =>
      fetch('/api/admin/session').then((response) => response.status),
    )
    expect(session).toBe(401)
  })

  it('asks before leaving unsaved changes, and stays when told to', async () => {
    const screen = await openNewsroom()
    await screen.newArticleLink.click()
    await screen.field('headline').fill('Not saved yet')
    const question = new Promise<string>((resolve) =>
      screen.page.once('dialog', (dialog) => {
        resolve(dialog.message())
        void dialog.dismiss()
      }),
    )
    await screen.page.locator('.back-link').click()
    expect(await question).toBe('You have unsaved changes. Leave anyway?')
    expect(await screen.field('headline').inputValue()).toBe('Not saved yet')
  })

  it('keeps the text when the session ends: sign in again in place and save', async () => {
    const screen = await openNewsroom()
    await screen.newArticleLink.click()
    await screen.field('headline').fill('Written across a session')
    await screen.field('section').selectOption({ index: 1 })
    await screen.saveButton.click()
    await screen.articleId()
    await screen.typeInBody('Typed before the session ended.')
    await context!.clearCookies()
    await screen.saveButton.click()
    await screen.page.locator('.overlay .sign-in').waitFor()
    await screen.field('sign-in-password').fill(EDITOR.password)
    await screen.page.locator('.overlay button[type=submit]').click()
    await screen.page.locator('.overlay').waitFor({ state: 'detached' })
    expect(await screen.body.textContent()).toContain('Typed before the session ended.')
    await screen.saveButton.click()
    await screen.page.locator('.save-state', { hasText: 'Saved at' }).waitFor()
  })

  it('passes axe on sign-in, the list and the editor, in English and in Arabic', async () => {
    for (const language of ['en', 'ar']) {
      context = await browser.newContext({ ...VIEWPORTS.desktop })
      await context.addInitScript(`localStorage.setItem('masthead.uiLanguage', '${language}')`)
      const screen = new NewsroomScreen(await context.newPage(), baseUrl)
      await screen.open()
      await screen.field('sign-in-email').waitFor()
      const found: string[] = []
      const check = async () => {
        const violations = await axeViolations(screen.page)
        if (violations.length > 0) found.push(describeViolations(violations))
      }
      await check()
      await screen.signIn(EDITOR.email, EDITOR.password)
      await check()
      await screen.page.locator('.headline-cell a').first().click()
      await screen.body.waitFor()
      await check()
      expect(found, language).toEqual([])
      await context.close()
      context = undefined
    }
    // Six pages through axe: on a loaded machine this takes longer than the default 30 seconds.
  }, 120_000)
})
