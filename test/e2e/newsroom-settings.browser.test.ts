import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeImage } from '../helpers/images.js'
import type { TestStore } from '../helpers/test-databases.js'
import { axeViolations, describeViolations } from './axe.js'
import { addAccount, createNewsroomFixture, type NewsroomFixture } from './newsroom-fixture.js'
import { launchBrowser, VIEWPORTS, type ViewportName } from './browser.js'
import { SettingsScreen } from './newsroom-settings.screen.js'

const ADMIN = { email: 'chief@news.example', password: 'a long administrator password' }
const AUTHOR = { email: 'writer@news.example', password: 'a long author password' }

let browser: Browser
let newsroom: NewsroomFixture
let store: TestStore
let baseUrl: string
let context: BrowserContext | undefined
let writerId: number

beforeAll(async () => {
  newsroom = await createNewsroomFixture()
  store = newsroom.store
  await addAccount(store.db, { ...ADMIN, name: 'Chief Administrator', role: 'admin' })
  writerId = await addAccount(store.db, { ...AUTHOR, name: 'Staff Writer', role: 'author' })
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

async function openSettings(
  area: string,
  options: { language?: 'en' | 'ar'; viewport?: ViewportName; account?: typeof ADMIN } = {},
): Promise<SettingsScreen> {
  context = await browser.newContext({ ...VIEWPORTS[options.viewport ?? 'desktop'] })
  await context.addInitScript(
    `localStorage.setItem('masthead.uiLanguage', '${options.language ?? 'en'}')`,
  )
  const screen = new SettingsScreen(await context.newPage(), baseUrl)
  await screen.open(area)
  const account = options.account ?? ADMIN
  await screen.signIn(account.email, account.password)
  return screen
}

const picture = async (name: string, color: string) => ({
  name,
  mimeType: 'image/png',
  buffer: await makeImage('png', { width: 480, height: 320, color }),
})

/** The library id of the picture uploaded under this file name. */
async function mediaIdOf(filename: string): Promise<number> {
  const row = await store.db
    .selectFrom('media')
    .select('id')
    .where('originalFilename', '=', filename)
    .executeTakeFirstOrThrow()
  return row.id
}

/** Ids of the image and account fields are never typed in: no text or number input holds them. */
async function typedIdInputs(screen: SettingsScreen, names: string[]): Promise<number> {
  const selectors = names.map((name) => `input[id$="-${name}"]`).join(', ')
  return screen.page.locator(`${selectors}, .api-form input[type=number]`).count()
}

async function publicHtml(path: string): Promise<string> {
  const response = await fetch(new URL(path, baseUrl))
  expect(response.status).toBe(200)
  return response.text()
}

/** The labels of the top-level sections in the public site's navigation. */
async function publicNavigation(language: string): Promise<string[]> {
  const html = await publicHtml(`/${language}/`)
  const list = /<ul class="site-nav__list">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? ''
  return [...list.matchAll(/<li class="site-nav__item">\s*<a href="[^"]*">([^<]*)<\/a>/g)].map(
    (match) => match[1] ?? '',
  )
}

// Generous per-test time: each test signs in afresh in a new browser context on a shared machine.
describe('the newsroom settings', { timeout: 90_000 }, () => {
  it('reorders sections with the keyboard alone, and the public navigation follows', async () => {
    const screen = await openSettings('sections')
    const before = await publicNavigation('en')
    expect(before.length).toBeGreaterThan(1)
    const [first, second] = before as [string, string]
    const moveUp = screen.treeButton(`Move ${second} up`)
    await moveUp.focus()
    await screen.page.keyboard.press('Enter')
    // Focus stays on the moved section's button, so it can be pressed again.
    expect(await screen.page.locator(':focus').getAttribute('aria-label')).toBe(`Move ${second} up`)
    await screen.page
      .locator('[role=status]', { hasText: `${second}: 1 of ${before.length}` })
      .waitFor({ state: 'attached' })
    expect((await screen.sectionNames()).indexOf(second)).toBeLessThan(
      (await screen.sectionNames()).indexOf(first),
    )
    expect(await publicNavigation('en')).toEqual(before)

    await screen.page.keyboard.press('Shift+Tab')
    await screen.button('Save order').focus()
    await screen.page.keyboard.press('Enter')
    await screen.page
      .locator('[role=status]', { hasText: 'The order of the sections is saved.' })
      .waitFor({ state: 'attached' })
    expect(await publicNavigation('en')).toEqual([second, first, ...before.slice(2)])
  })

  it('moves a section under another by dragging it', async () => {
    const screen = await openSettings('sections')
    const top = await publicNavigation('en')
    const [target, , , dragged] = top as [string, string, string, string]
    const row = (name: string) =>
      screen.page
        .locator('.section-row')
        .filter({ has: screen.page.getByText(name, { exact: true }) })
    // The middle of a row drops inside it; its top and bottom quarters drop before and after.
    await row(dragged).dragTo(row(target))
    await screen.page.locator('.dirty').waitFor()
    await screen.button('Save order').click()
    await screen.page
      .locator('[role=status]', { hasText: 'The order of the sections is saved.' })
      .waitFor({ state: 'attached' })
    expect(await publicNavigation('en')).toEqual(top.filter((name) => name !== dragged))
    const html = await publicHtml('/en/')
    const children = new RegExp(
      `>${target}</a>\\s*<ul class="site-nav__children">([\\s\\S]*?)</ul>`,
    )
    expect(children.exec(html)?.[1]).toContain(`>${dragged}</a>`)
  })

  it('changes the Arabic site name and footer line, and the Arabic public site shows them', async () => {
    const screen = await openSettings('site', { language: 'ar' })
    expect(await screen.page.locator('html').getAttribute('dir')).toBe('rtl')
    const name = screen.field('site-settings-siteName-ar')
    expect(await name.getAttribute('dir')).toBe('rtl')
    await name.fill('صحيفة الميناء اليومية')
    await screen.field('site-settings-footerText-ar').fill('جميع الحقوق محفوظة لصحيفة الميناء')
    await screen.submit()
    await screen.page
      .locator('[role=status]', { hasText: 'تم الحفظ.' })
      .waitFor({ state: 'attached' })
    const arabic = await publicHtml('/ar/')
    expect(arabic).toContain('صحيفة الميناء اليومية')
    expect(arabic).toContain('جميع الحقوق محفوظة لصحيفة الميناء')
    expect(await publicHtml('/en/')).not.toContain('صحيفة الميناء اليومية')
  })

  it('gives an author a photo from the library and a linked account from the list', async () => {
    const screen = await openSettings('authors')
    await screen.button('Add an author').click()
    await screen.field('authors-form-name-en').fill('Mona Khalil')
    await screen.field('authors-form-slug').fill('mona-khalil')
    expect(await typedIdInputs(screen, ['avatarMediaId', 'userId'])).toBe(0)

    const photo = screen.imageChoice('Photo')
    expect(await photo.textContent()).toContain('No photo.')
    await screen.button('Choose a photo').focus()
    await screen.page.keyboard.press('Enter')
    await screen.uploadAndChoose(await picture('mona-khalil-portrait.png', '#7a4a3c'))
    await photo.locator('img').waitFor()
    // Focus comes back to the field's button when the picker closes.
    await expect
      .poll(() => screen.page.locator(':focus').getAttribute('id'))
      .toBe('authors-form-avatarMediaId')
    expect(await photo.getByRole('button').allTextContents()).toEqual(['Change', 'Remove'])

    const account = screen.field('authors-form-userId')
    expect(await screen.page.locator('select#authors-form-userId').count()).toBe(1)
    expect(await account.locator('option').first().textContent()).toBe('None')
    await account.selectOption({ label: `Staff Writer (${AUTHOR.email})` })
    const violations = await axeViolations(screen.page)
    expect(describeViolations(violations)).toBe('')
    await screen.submit()
    await screen.page.locator('.resource-table', { hasText: 'Mona Khalil' }).waitFor()
    expect(
      await screen.page.locator('.resource-table tr', { hasText: 'Mona Khalil' }).textContent(),
    ).toContain('Staff Writer')

    const { items } = await screen.readApi<{
      items: { slug: string; avatarMediaId: number | null; userId: number | null }[]
    }>('authors')
    expect(items.find((author) => author.slug === 'mona-khalil')).toMatchObject({
      avatarMediaId: await mediaIdOf('mona-khalil-portrait.png'),
      userId: writerId,
    })
  })

  it('sets the site logo from the library in Arabic, then removes it', async () => {
    const screen = await openSettings('site', { language: 'ar' })
    expect(await typedIdInputs(screen, ['logoMediaId'])).toBe(0)
    const logo = screen.imageChoice('الشعار')
    await logo.getByRole('button', { name: 'اختر شعارًا' }).click()
    await screen.uploadAndChoose(await picture('harbour-daily-logo.png', '#1d3557'))
    await logo.locator('img').waitFor()
    await screen.submit()
    await screen.page
      .locator('[role=status]', { hasText: 'تم الحفظ.' })
      .waitFor({ state: 'attached' })
    const logoId = await mediaIdOf('harbour-daily-logo.png')
    expect((await screen.readApi<{ logoMediaId: number | null }>('settings')).logoMediaId).toBe(
      logoId,
    )

    await screen.page.reload()
    await logo.locator('img').waitFor()
    await logo.getByRole('button', { name: 'إزالة' }).click()
    expect(await logo.textContent()).toContain('يُستخدم الشعار المدمج')
    await screen.submit()
    await expect
      .poll(
        async () => (await screen.readApi<{ logoMediaId: number | null }>('settings')).logoMediaId,
      )
      .toBeNull()
  })

  it('creates an API token, shows its secret once, and the secret works', async () => {
    const screen = await openSettings('tokens')
    await screen.button('Create a token').click()
    await screen.field('tokens-form-name').fill('Wire desk importer')
    await screen.field('tokens-form-scopes').selectOption('write')
    await screen.submit()
    await screen.secret.waitFor()
    const secret = await screen.secret.inputValue()
    expect(secret).toMatch(/^mst_/)
    const answer = await fetch(new URL('/api/admin/articles', baseUrl), {
      headers: { authorization: `Bearer ${secret}` },
    })
    expect(answer.status).toBe(200)
    expect(await screen.page.locator('.resource-table').textContent()).toContain(
      'Wire desk importer',
    )

    await screen.button('I have copied it').click()
    await screen.secret.waitFor({ state: 'detached' })
    await screen.page.reload()
    await screen.page.locator('.resource-table').waitFor()
    expect(await screen.page.content()).not.toContain(secret)
  })

  it('adds a redirect that the public site follows', async () => {
    const screen = await openSettings('redirects')
    await screen.button('Add a redirect').click()
    await screen.field('redirects-form-fromPath').fill('/en/old-front-desk')
    await screen.field('redirects-form-toPath').fill('/en/')
    await screen.submit()
    await screen.page.locator('.resource-table', { hasText: '/en/old-front-desk' }).waitFor()
    const response = await fetch(new URL('/en/old-front-desk', baseUrl), { redirect: 'manual' })
    expect(response.status).toBe(301)
    expect(new URL(response.headers.get('location') ?? '', baseUrl).pathname).toBe('/en/')
  })

  it('shows a bad redirect’s error beside its field and keeps what was typed', async () => {
    const screen = await openSettings('redirects', { language: 'ar' })
    await screen.button('أضف تحويلًا').click()
    await screen.field('redirects-form-fromPath').fill('no-leading-slash')
    await screen.field('redirects-form-toPath').fill('/ar/')
    await screen.submit()
    await screen.fieldError('redirects-form-fromPath').waitFor()
    expect(await screen.fieldError('redirects-form-fromPath').textContent()).toBe(
      'استخدم مسارًا في هذا الموقع يبدأ بـ /.',
    )
    expect(await screen.field('redirects-form-fromPath').getAttribute('aria-invalid')).toBe('true')
    expect(await screen.page.locator(':focus').getAttribute('id')).toBe('redirects-form-fromPath')
    expect(await screen.field('redirects-form-fromPath').inputValue()).toBe('no-leading-slash')
    expect(await screen.field('redirects-form-toPath').inputValue()).toBe('/ar/')
  })

  it('shows each bad setting beside its own field at once and keeps what was typed', async () => {
    const screen = await openSettings('site')
    await screen.field('site-settings-siteName-en').fill('The Harbour Daily')
    // A link without its network's name, and an address that is not a web address: two fields.
    const network = 'site-settings-socialLinks-0-network'
    const url = 'site-settings-socialLinks-0-url'
    await screen.field(network).fill('')
    await screen.field(url).fill('not a web address')
    await screen.submit()
    await screen.fieldError(network).waitFor()
    await screen.fieldError(url).waitFor()
    for (const id of [network, url])
      expect(await screen.field(id).getAttribute('aria-invalid'), id).toBe('true')
    expect(await screen.page.locator('.field-error').count()).toBe(2)
    expect(await screen.field(url).inputValue()).toBe('not a web address')
    expect(await screen.field('site-settings-siteName-en').inputValue()).toBe('The Harbour Daily')
    expect(await publicHtml('/en/')).not.toContain('The Harbour Daily')
  })

  it('merges a tag into another after asking, and its page then redirects to the kept one', async () => {
    const [merged, kept] = await store.db
      .selectFrom('tags')
      .select(['id', 'name', 'slug'])
      .where('language', '=', 'en')
      .orderBy('id')
      .limit(2)
      .execute()
    if (!merged || !kept) throw new Error('the demo has fewer than two English tags')
    const screen = await openSettings('tags')
    await screen.button(`Merge into another tag: ${merged.name}`).click()
    await screen.page.getByLabel(`Merge “${merged.name}” into`).selectOption({ label: kept.name })
    const question = new Promise<string>((resolve) =>
      screen.page.once('dialog', (dialog) => {
        resolve(dialog.message())
        void dialog.accept()
      }),
    )
    await screen.button('Merge').click()
    expect(await question).toContain(`Merge “${merged.name}” into “${kept.name}”?`)
    await expect
      .poll(() => screen.status.textContent())
      .toBe(`“${merged.name}” merged into “${kept.name}”.`)
    // The status comes with the answer; the list is read again after it.
    await expect.poll(() => screen.button(`Merge into another tag: ${merged.name}`).count()).toBe(0)
    const oldPage = await fetch(new URL(`/en/tag/${merged.slug}`, baseUrl), { redirect: 'manual' })
    expect([oldPage.status, oldPage.headers.get('location')]).toEqual([301, `/en/tag/${kept.slug}`])
  })

  it('shows an author only what the role may see, and read-only', async () => {
    const screen = await openSettings('sections', { account: AUTHOR })
    expect(await screen.menu.locator('a').allTextContents()).toEqual([
      'Sections',
      'Tags',
      'Sources',
      'Authors',
    ])
    expect(await screen.page.locator('.move-button').count()).toBe(0)
    expect(await screen.button('Save order').count()).toBe(0)
    await screen.open('users')
    // An area the role may not open falls back to the first one it may.
    await screen.page.locator('.section-tree').waitFor()
  })

  it('passes axe on each area, in English and in Arabic, at phone width too', async () => {
    const found: string[] = []
    for (const [language, viewport] of [
      ['en', 'desktop'],
      ['ar', 'phone'],
    ] as const) {
      const screen = await openSettings('sections', { language, viewport })
      for (const area of ['sections', 'tags', 'authors', 'site', 'users', 'tokens', 'webhooks']) {
        await screen.open(area)
        await screen.page
          .locator(
            '.settings-area table, .settings-area form, .section-tree, .settings-area .notice',
          )
          .first()
          .waitFor()
        const violations = await axeViolations(screen.page)
        if (violations.length > 0)
          found.push(`${language} ${area}: ${describeViolations(violations)}`)
      }
      await context?.close()
      context = undefined
    }
    expect(found).toEqual([])
  }, 180_000)
})
