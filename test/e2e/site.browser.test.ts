import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { translatorFor } from '../../src/site/i18n/messages.js'
import { TEST_NOW } from '../helpers/factories.js'
import { parseHtml } from '../helpers/html.js'
import { ArticleScreen } from './article.screen.js'
import {
  launchBrowser,
  serveDemoSite,
  VIEWPORTS,
  type DemoServer,
  type ViewportName,
} from './browser.js'
import { ContactScreen, type ContactLetter } from './contact.screen.js'
import { galleryArticlePath, translatedArticle } from './demo-content.js'
import { HomeScreen } from './home.screen.js'

const EDITIONS = [
  { language: 'en', other: 'ar', nextPhotoKey: 'ArrowRight' },
  // Right-to-left mirrors the arrows: the next photo is to the left.
  { language: 'ar', other: 'en', nextPhotoKey: 'ArrowLeft' },
] as const

const LETTERS: Record<string, Omit<ContactLetter, 'subject'>> = {
  en: {
    name: 'Jane Reader',
    email: 'jane.reader@example.org',
    message: 'Your report on the harbour project left out the second tender.',
  },
  ar: {
    name: 'ليلى القارئة',
    email: 'layla.reader@example.org',
    message: 'أغفل تقريركم عن مشروع الميناء المناقصة الثانية.',
  },
}

const DAY_MS = 86_400_000
const LATEST_TIMES = '.latest time[data-relative]'

let browser: Browser
let server: DemoServer
let readers = 0

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchBrowser(), serveDemoSite()])
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The relative-time texts of a page as the server rendered them, before any script ran. */
async function serverRelativeTimes(path: string, selector: string): Promise<string[]> {
  const response = await fetch(new URL(path, server.baseUrl))
  return parseHtml(await response.text())
    .querySelectorAll(selector)
    .map((time) => time.textContent)
}

for (const viewportName of Object.keys(VIEWPORTS) as ViewportName[]) {
  for (const { language, other, nextPhotoKey } of EDITIONS) {
    describe(`the ${language} edition on a ${viewportName}`, () => {
      const t = translatorFor(language)
      const options = { isTouch: viewportName === 'phone' }
      let context: BrowserContext
      let page: Page

      beforeAll(async () => {
        readers += 1
        context = await browser.newContext({
          ...VIEWPORTS[viewportName],
          // Each group is its own reader behind the proxy (the app trusts X-Forwarded-For), so
          // the contact form's limit of five messages per address is not shared between groups.
          extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${readers}` },
        })
      })
      afterAll(async () => {
        await context?.close()
      })
      beforeEach(async () => {
        page = await context.newPage()
      })
      afterEach(async () => {
        await page?.close()
      })

      it('opens the lead story from the home page and shows its headline', async () => {
        const home = new HomeScreen(page, server.baseUrl, options)
        await home.open(language)
        const headline = await home.openLeadStory()
        const article = new ArticleScreen(page, server.baseUrl, options)
        expect(headline).not.toBe('')
        expect((await article.headline.textContent())?.trim()).toBe(headline)
        expect(await article.language()).toBe(language)
      })

      it('shows gallery photos in a dialog that pages in reading order and closes with Esc or its button', async () => {
        const path = await galleryArticlePath(server, language)
        const article = new ArticleScreen(page, server.baseUrl, options)
        await article.visit(path)
        expect(await article.thumbnails.count()).toBeGreaterThanOrEqual(2)

        await article.openPhoto(0)
        await article.focusedCloseButton.waitFor()
        expect(await article.photoPosition()).toBe(await article.expectedPosition(1))
        expect(await article.dialogPhotoPath()).toBe(
          await article.thumbnail(0).getAttribute('href'),
        )

        await page.keyboard.press(nextPhotoKey)
        await expect.poll(() => article.photoPosition()).toBe(await article.expectedPosition(2))
        expect(await article.dialogPhotoPath()).toBe(
          await article.thumbnail(1).getAttribute('href'),
        )

        await article.closeWithEscape()
        await article.focusedThumbnail(0).waitFor()

        await article.openPhoto(0)
        expect(await article.photoPosition()).toBe(await article.expectedPosition(1))
        expect(await article.closeButton.textContent()).toBe(t('closeGallery'))
        await article.closeWithButton()
        await article.focusedThumbnail(0).waitFor()
        expect(article.path()).toBe(decodeURIComponent(path))
      })

      it('switches from the home page to the other edition', async () => {
        const home = new HomeScreen(page, server.baseUrl, options)
        await home.open(language)
        await home.switchLanguage()
        expect(home.path()).toBe(`/${other}/`)
        expect(await home.language()).toBe(other)
        expect(await home.direction()).toBe(other === 'ar' ? 'rtl' : 'ltr')
      })

      it('switches from an article to its translation', async () => {
        const story = await translatedArticle(server, language, other)
        const article = new ArticleScreen(page, server.baseUrl, options)
        await article.visit(story.path)
        await article.switchLanguage()
        expect(article.path()).toBe(decodeURIComponent(story.translationPath))
        expect(await article.language()).toBe(other)
        expect((await article.headline.textContent())?.trim()).toBe(story.translationHeadline)
      })

      it('thanks the reader for a contact message and stores it in the edition language', async () => {
        const letter = { ...LETTERS[language]!, subject: `Browser test, ${viewportName}` }
        const contact = new ContactScreen(page, server.baseUrl, options)
        await contact.open(language)
        await contact.fill(letter)
        await contact.send()
        expect((await contact.successStatus.textContent())?.trim()).toBe(t('contactThanks'))
        expect(await contact.language()).toBe(language)
        expect(await contact.field('message').inputValue()).toBe('')

        const stored = await server.store.db
          .selectFrom('contactMessages')
          .select(['language', 'name', 'email', 'subject', 'message'])
          .where('subject', '=', letter.subject)
          .where('language', '=', language)
          .execute()
        expect(stored).toEqual([{ language, ...letter }])
      })

      it('lists what is missing from an empty contact form in the page language and stores nothing', async () => {
        const count = () =>
          server.store.db
            .selectFrom('contactMessages')
            .select((eb) => eb.fn.countAll<number>().as('total'))
            .executeTakeFirstOrThrow()
            .then((row) => Number(row.total))
        const before = await count()
        const contact = new ContactScreen(page, server.baseUrl, options)
        await contact.open(language)
        await contact.sendExpectingErrors()

        expect(await contact.language()).toBe(language)
        expect(await contact.errorBox.textContent()).toContain(t('contactErrorsIntro'))
        const required = (
          ['contactName', 'contactEmail', 'contactSubject', 'contactMessage'] as const
        ).map((label) => t('contactRequired', { field: t(label) }))
        expect((await contact.errorMessages.allTextContents()).map((text) => text.trim())).toEqual(
          required,
        )
        expect(await contact.invalidFields.count()).toBe(4)
        expect(await count()).toBe(before)
      })

      it('rewrites relative times from the reader clock once the script has run', async () => {
        const rendered = await serverRelativeTimes(`/${language}/`, LATEST_TIMES)
        await page.clock.setFixedTime(new Date(TEST_NOW.getTime() + 3 * DAY_MS))
        const home = new HomeScreen(page, server.baseUrl, options)
        await home.open(language)
        const shown = await home.latestTimes.allTextContents()
        expect(shown.length).toBeGreaterThan(0)
        expect(shown.every((text) => text.trim() !== '')).toBe(true)
        // The newest story was published hours before the server's now: days before the reader's.
        expect(shown[0]).not.toBe(rendered[0])
      })

      it('keeps the server relative times when the reader clock agrees with it', async () => {
        const rendered = await serverRelativeTimes(`/${language}/`, 'time[data-relative]')
        await page.clock.setFixedTime(TEST_NOW)
        const home = new HomeScreen(page, server.baseUrl, options)
        await home.open(language)
        expect(rendered.length).toBeGreaterThan(0)
        expect(await home.relativeTimes.allTextContents()).toEqual(rendered)
      })
    })
  }
}
