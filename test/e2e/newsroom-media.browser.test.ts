import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeImage } from '../helpers/images.js'
import type { TestStore } from '../helpers/test-databases.js'
import { axeViolations, describeViolations } from './axe.js'
import { addAccount, createNewsroomFixture, type NewsroomFixture } from './newsroom-fixture.js'
import { launchBrowser, VIEWPORTS } from './browser.js'
import { NewsroomMediaScreen } from './newsroom-media.screen.js'
import { NewsroomScreen } from './newsroom.screen.js'

const EDITOR = { email: 'photo-desk@news.example', password: 'a long photo desk password' }

let browser: Browser
let newsroom: NewsroomFixture
let store: TestStore
let baseUrl: string
let context: BrowserContext | undefined

beforeAll(async () => {
  newsroom = await createNewsroomFixture()
  store = newsroom.store
  await addAccount(store.db, { ...EDITOR, name: 'Photo Desk', role: 'editor' })
  ;({ baseUrl } = await newsroom.serve())
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

async function openNewsroom(path: string) {
  context = await browser.newContext({ ...VIEWPORTS.desktop, locale: 'en-GB' })
  const newsroom = new NewsroomScreen(await context.newPage(), baseUrl)
  await newsroom.open()
  await newsroom.signIn(EDITOR.email, EDITOR.password)
  await newsroom.open(path)
  return { newsroom, media: new NewsroomMediaScreen(newsroom.page) }
}

const jpeg = async (name: string, color: string) => ({
  name,
  mimeType: 'image/jpeg',
  buffer: await makeImage('jpeg', { width: 640, height: 360, color }),
})

describe('media in the newsroom', () => {
  it('publishes an English article with a main image, a gallery and a related story', async () => {
    const related = await store.db
      .selectFrom('articles')
      .select(['id', 'headline'])
      .where('language', '=', 'en')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const { newsroom, media } = await openNewsroom('/admin/articles/new?language=en')
    await newsroom.field('headline').fill('Lighthouse keepers mark a century of service')
    await newsroom.field('section').selectOption({ index: 1 })
    await newsroom.typeInBody('The keepers opened the tower to visitors for the day.')

    // The main image: uploaded inside the picker, then chosen there.
    await media.heroButton.click()
    await media.upload(media.dialog, [await jpeg('lighthouse-tower.jpg', '#2a5d84')])
    await media.uploadRow(media.dialog, 'done').waitFor()
    await media.tile(media.dialog, 'lighthouse-tower.jpg').click()
    await media.heroImage.waitFor()

    // A gallery of two new pictures.
    await media.insertButton('Gallery').click()
    await media.upload(media.dialog, [
      await jpeg('keepers-lamp.jpg', '#b06a2c'),
      await jpeg('keepers-stairs.jpg', '#3c7a4a'),
    ])
    await expect.poll(() => media.uploadRow(media.dialog, 'done').count()).toBe(2)
    await media.dialog.getByRole('button', { name: 'Use the chosen images' }).click()
    await media.block('gallery').locator('.gallery-strip img').nth(1).waitFor()

    // A card for another published story, found by searching its headline.
    await media.insertButton('Related story').click()
    const words = related.headline.split(/\s+/).slice(0, 3).join(' ')
    await media.chooseRelatedStory(words, related.headline)
    await media.block('related').filter({ hasText: related.headline }).waitFor()

    await newsroom.saveButton.click()
    await newsroom.articleId()
    await newsroom.workflowButton('Publish').click()
    await newsroom.page.locator('.save-state .status', { hasText: 'Published' }).waitFor()

    const href = (await newsroom.publicLink.getAttribute('href')) ?? ''
    const response = await fetch(new URL(new URL(href).pathname, baseUrl))
    expect(response.status).toBe(200)
    const page = await context!.newPage()
    await page.goto(new URL(new URL(href).pathname, baseUrl).toString())
    await expect.poll(() => page.locator('.article__hero img').count()).toBe(1)
    expect(await page.locator('.gallery .gallery__item').count()).toBe(2)
    const card = page.locator('.related-card')
    expect(await card.textContent()).toContain(related.headline)
  }, 120_000)

  it('gives a picture a credit in Arabic, which the Arabic edition shows', async () => {
    const { media } = await openNewsroom('/admin/media')
    const library = media.page.locator('.media-screen')
    await media.upload(library, [await jpeg('harbour-cranes.jpg', '#4a6a8a')])
    await media.uploadRow(library, 'done').waitFor()
    await media.tile(library, 'harbour-cranes.jpg').click()
    const details = media.page.locator('.media-details')
    await details.locator('#media-credit').fill('Lina Haddad / Masthead')
    await details.locator('#media-credit-ar').fill('لينا حداد / ماستهد')
    await details.getByRole('button', { name: 'Save details' }).click()
    await details.locator('[role=status]', { hasText: 'Details saved.' }).waitFor()

    const item = await store.db
      .selectFrom('media')
      .select(['id', 'credit', 'creditByLanguage'])
      .where('originalFilename', '=', 'harbour-cranes.jpg')
      .executeTakeFirstOrThrow()
    const stored: unknown = item.creditByLanguage
    expect(typeof stored === 'string' ? JSON.parse(stored) : stored).toEqual({
      ar: 'لينا حداد / ماستهد',
    })
    // An Arabic story with this picture on top shows the Arabic credit under it.
    const story = await store.db
      .selectFrom('articles')
      .select('id')
      .where('language', '=', 'ar')
      .where('status', '=', 'published')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    await store.db
      .updateTable('articles')
      .set({ heroMediaId: item.id })
      .where('id', '=', story.id)
      .execute()
    await media.page.goto(new URL(`/ar/x/${story.id}`, baseUrl).toString())
    const credit = media.page.locator('.article__hero .credit bdi')
    expect(await credit.textContent()).toBe('لينا حداد / ماستهد')
  }, 90_000)

  it('says which file was refused and why, and uploads the others', async () => {
    const { media } = await openNewsroom('/admin/media')
    const library = media.page.locator('.media-screen')
    await media.upload(library, [
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Not a picture at all') },
      await jpeg('quay-at-noon.jpg', '#806040'),
    ])
    const refusal = media.uploadRow(library, 'failed')
    await refusal.waitFor()
    expect(await refusal.textContent()).toBe(
      'notes.txt: this is not an image the library takes (JPEG, PNG, WebP, AVIF or GIF).',
    )
    expect(await refusal.locator('[role=alert]').count()).toBe(1)
    await media.uploadRow(library, 'done').waitFor()
    await media.tile(library, 'quay-at-noon.jpg').waitFor()
    expect(await media.tile(library, 'notes.txt').count()).toBe(0)

    // The library, an item's details, then the picker dialog pass axe.
    await media.tile(library, 'quay-at-noon.jpg').click()
    await media.page.locator('.media-details').waitFor()
    const found = [describeViolations(await axeViolations(media.page))]
    await media.page.goto(new URL('/admin/articles/new?language=en', baseUrl).toString())
    await media.heroButton.click()
    await media.dialog.locator('.media-tile').first().waitFor()
    found.push(describeViolations(await axeViolations(media.page)))
    expect(found.filter(Boolean)).toEqual([])
  }, 90_000)
})
