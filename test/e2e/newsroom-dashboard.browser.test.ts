import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { UserRole } from '../../src/db/database.js'
import { paragraph } from '../../src/modules/articles/document/article-document.js'
import { createArticle } from '../../src/modules/articles/article-queries.js'
import { createAuthor } from '../../src/modules/authors/author-queries.js'
import { createContactMessage } from '../../src/modules/contact/contact-queries.js'
import { hashPassword } from '../../src/modules/users/password.js'
import { createUser } from '../../src/modules/users/user-queries.js'
import { drawQrCode } from '../../admin/src/profile/qr-code.js'
import type { TestStore } from '../helpers/test-databases.js'
import { axeViolations, describeViolations } from './axe.js'
import { createNewsroomFixture, type NewsroomFixture } from './newsroom-fixture.js'
import { launchBrowser, VIEWPORTS } from './browser.js'
import { NewsroomDashboardScreen } from './newsroom-dashboard.screen.js'

const PASSWORD = 'a long newsroom password'
const EDITOR = { email: 'dashboard-editor@news.example', name: 'Nadia Desk' }
const CONTRIBUTOR = { email: 'dashboard-contributor@news.example', name: 'Omar Stringer' }
const ADMIN = { email: 'dashboard-admin@news.example', name: 'Rana Admin' }

let browser: Browser
let newsroom: NewsroomFixture
let store: TestStore
let baseUrl: string
let context: BrowserContext | undefined
let sectionId: number
const people = new Map<string, { userId: number; authorId: number }>()

/** An account with a byline profile of its own, so its articles carry its name. */
async function addPerson(account: { email: string; name: string }, role: UserRole) {
  const now = new Date()
  const userId = await createUser(
    store.db,
    { ...account, role, passwordHash: await hashPassword(PASSWORD) },
    now,
  )
  const slug = account.name.toLowerCase().replace(/\s+/g, '-')
  const authorId = await createAuthor(
    store.db,
    { slug, name: { en: account.name, ar: account.name }, userId },
    now,
  )
  people.set(account.email, { userId, authorId })
}

/** A draft in the Harbour desk's section, created and bylined by one person. */
async function draftBy(email: string, headline: string): Promise<number> {
  const person = people.get(email)
  if (!person) throw new Error(email)
  return createArticle(
    store.db,
    {
      language: 'en',
      sectionId,
      status: 'draft',
      headline,
      bodyDoc: { type: 'doc', content: [paragraph(`${headline}: the full report.`)] },
      authorIds: [person.authorId],
      createdBy: person.userId,
    },
    new Date(),
  )
}

beforeAll(async () => {
  newsroom = await createNewsroomFixture()
  store = newsroom.store
  sectionId = (
    await store.db
      .selectFrom('sectionTranslations')
      .select('sectionId')
      .where('slug', '=', 'business')
      .where('language', '=', 'en')
      .executeTakeFirstOrThrow()
  ).sectionId
  await addPerson(EDITOR, 'editor')
  await addPerson(CONTRIBUTOR, 'contributor')
  await addPerson(ADMIN, 'admin')
  await createContactMessage(
    store.db,
    {
      language: 'en',
      name: 'Lina Reader',
      email: 'lina@example.org',
      subject: 'A typo in the market report',
      message: 'The second paragraph repeats a word.',
    },
    new Date(),
  )
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

async function openAs(email: string, path = '/admin/'): Promise<NewsroomDashboardScreen> {
  context = await browser.newContext({ ...VIEWPORTS.desktop, locale: 'en-GB' })
  const screen = new NewsroomDashboardScreen(await context.newPage(), baseUrl)
  await screen.open(path)
  await screen.signIn(email, PASSWORD)
  return screen
}

/** The public page of an article, found the way a short link finds it. */
async function publicPageOf(id: number): Promise<{ status: number; html: string }> {
  const response = await fetch(`${baseUrl}/en/x/${id}`)
  return { status: response.status, html: await response.text() }
}

describe('the newsroom dashboard and article list', () => {
  it('lands on the dashboard, with my draft and the unread contact message', async () => {
    await draftBy(EDITOR.email, 'Port authority weighs longer opening hours')
    const screen = await openAs(EDITOR.email)
    await screen.page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()
    await expect
      .poll(() => screen.panel('my-drafts').textContent())
      .toContain('Port authority weighs longer opening hours')
    const contact = await screen.panel('contact').textContent()
    expect(contact).toContain('1 unread')
    expect(contact).toContain('A typo in the market report')
    expect(await screen.panel('most-read').locator('li').count()).toBeGreaterThan(0)
  })

  it('opens only my drafts from "See all" under My drafts, not my colleagues’', async () => {
    const mine = [
      'Quay lights',
      'Tug crews',
      'Dock fees',
      'Crane hire',
      'Berth queue',
      'Pilot boats',
    ]
    for (const topic of mine) await draftBy(EDITOR.email, `${topic}: a draft of my own`)
    await draftBy(ADMIN.email, 'A colleague’s draft on net mending')
    const screen = await openAs(EDITOR.email)
    await screen
      .panel('my-drafts')
      .getByRole('link', { name: /^See all/ })
      .click()
    await screen.page.waitForURL(/mine=true/)
    await screen.waitForList()
    const rows = await screen.rows.allTextContents()
    const ownCount = await store.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', 'draft')
      .where('createdBy', '=', people.get(EDITOR.email)?.userId ?? 0)
      .executeTakeFirstOrThrow()
    expect(rows).toHaveLength(Number(ownCount.count))
    expect(rows.join('\n')).not.toContain('A colleague’s draft on net mending')
    expect(await screen.page.getByLabel('Only mine').isChecked()).toBe(true)
  })

  it('filters the list by section and author, and keeps the filters in the address', async () => {
    await draftBy(CONTRIBUTOR.email, 'Fish market moves to the new quay')
    const screen = await openAs(EDITOR.email, '/admin/articles')
    await screen.waitForList()
    await screen.choose('Section', 'Business')
    await screen.page.waitForURL(/section=business/)
    await screen.choose('Author', CONTRIBUTOR.name)
    await screen.page.waitForURL(/author=omar-stringer/)
    await expect.poll(() => screen.rows.count()).toBe(1)
    const row = await screen.rows.first().textContent()
    expect(row).toContain('Fish market moves to the new quay')
    expect(row).toContain('Business')
    expect(row).toContain(CONTRIBUTOR.name)

    await screen.page.reload()
    await screen.waitForList()
    expect(await screen.page.getByLabel('Section', { exact: true }).inputValue()).toBe('business')
    expect(await screen.rows.count()).toBe(1)
  })

  it('bulk publishes two articles, which the public site then shows', async () => {
    const first = await draftBy(EDITOR.email, 'Night ferry returns for the summer')
    const second = await draftBy(CONTRIBUTOR.email, 'Harbour cranes get quieter motors')
    expect((await publicPageOf(first)).status).not.toBe(200)
    const screen = await openAs(EDITOR.email, '/admin/articles?status=draft&section=business')
    await screen.waitForList()
    await screen.select('Night ferry returns for the summer')
    await screen.select('Harbour cranes get quieter motors')
    await screen.page.getByText('2 selected').waitFor()
    await screen.bulkButton('Publish').click()
    await screen.bulkOutcome.getByText('Done: 2. Not done: 0.').waitFor()

    for (const [id, headline] of [
      [first, 'Night ferry returns for the summer'],
      [second, 'Harbour cranes get quieter motors'],
    ] as const) {
      const page = await publicPageOf(id)
      expect(page.status).toBe(200)
      expect(page.html).toContain(headline)
    }
  })

  it('shows why a contributor’s bulk publish is refused, and publishes nothing', async () => {
    const id = await draftBy(CONTRIBUTOR.email, 'Lighthouse keepers share their logbooks')
    const screen = await openAs(CONTRIBUTOR.email, '/admin/articles')
    await screen.waitForList()
    await screen.select('Lighthouse keepers share their logbooks')
    await screen.bulkButton('Publish').click()
    const alert = screen.bulkOutcome.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Your role may not publish')
    const row = await store.db
      .selectFrom('articles')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('draft')
  })

  it('shows a QR code of the set-up link when two-factor sign-in is set up', async () => {
    const screen = await openAs(ADMIN.email, '/admin/profile')
    await screen.page.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
    const code = screen.page.getByRole('img', {
      name: 'QR code to scan with your authenticator app',
    })
    await code.waitFor()
    const uri = (await screen.page.locator('.secret-uri').getAttribute('href')) ?? ''
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]+&/)
    const drawn = drawQrCode(uri)
    expect(await code.locator('path').getAttribute('d')).toBe(drawn.path)
    expect(await code.getAttribute('viewBox')).toBe(`0 0 ${drawn.size} ${drawn.size}`)
  })

  it('keeps the interface language chosen in the profile for the next sign-in', async () => {
    const screen = await openAs(CONTRIBUTOR.email, '/admin/profile')
    await screen.page.getByLabel('Interface language').selectOption('ar')
    await screen.page.getByRole('button', { name: 'Save profile' }).click()
    await screen.page.getByText('حُفظ ملفك الشخصي.').waitFor()
    expect(await screen.page.locator('html').getAttribute('dir')).toBe('rtl')
    await screen.signOut()
    await context?.close()

    // Another browser, in English, with nothing remembered locally.
    const again = await openAs(CONTRIBUTOR.email)
    expect(await again.page.locator('html').getAttribute('lang')).toBe('ar')
    expect(await again.page.locator('html').getAttribute('dir')).toBe('rtl')
    await again.page.getByRole('heading', { name: 'لوحة المتابعة', level: 1 }).waitFor()
  }, 90_000)

  it('passes axe on the dashboard, the list with a selection, the profile, the inbox and the audit log, in English and Arabic', async () => {
    for (const language of ['en', 'ar']) {
      context = await browser.newContext({ ...VIEWPORTS.desktop })
      await context.addInitScript(`localStorage.setItem('masthead.uiLanguage', '${language}')`)
      const screen = new NewsroomDashboardScreen(await context.newPage(), baseUrl)
      await screen.open()
      await screen.signIn(ADMIN.email, PASSWORD)
      const found: string[] = []
      const check = async (label: string) => {
        const violations = await axeViolations(screen.page)
        if (violations.length > 0) found.push(`${label}: ${describeViolations(violations)}`)
      }
      await screen.panel('contact').waitFor()
      await check('dashboard')
      await screen.open('/admin/articles')
      await screen.waitForList()
      await screen.rows.first().locator('input[type=checkbox]').check()
      await check('articles')
      for (const [path, ready] of [
        ['/admin/profile', '.cards'],
        ['/admin/inbox', '.message-list'],
        ['/admin/audit-log', '.audit-table'],
      ] as const) {
        await screen.open(path)
        await screen.page.locator(ready).waitFor()
        await check(path)
      }
      expect(found, language).toEqual([])
      await context.close()
      context = undefined
    }
  }, 240_000)
})
