import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAdmin } from '../../src/admin-app/admin-build.js'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import { systemClock } from '../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { XSS_PAYLOADS } from '../fixtures/security/xss-payloads.js'
import { buildEditions, buildSection } from '../helpers/factories.js'
import { makeImage } from '../helpers/images.js'
import {
  buildUser,
  signIn,
  TEST_PASSWORD,
  type NewsroomClient,
} from '../helpers/newsroom-client.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'
import { launchBrowser } from './browser.js'

const BOUNDARY = '----masthead-xss-boundary'
/** Payloads per article: each article carries its share in every field it has. */
const CHUNK = 10

let store: TestStore
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let admin: NewsroomClient
let adminEmail: string
/** Public paths of the published articles. */
const articlePaths: string[] = []
/** Every write that the API refused, with its status: refusals must be 4xx, never 5xx. */
const refusals: { what: string; status: number }[] = []

/** Sends a write and keeps going whether it was stored or refused; a 5xx fails the test. */
async function write(
  what: string,
  options: Parameters<NewsroomClient['request']>[0],
): Promise<Record<string, unknown> | undefined> {
  const response = await admin.request(options)
  expect(response.statusCode, `${what}: ${response.body}`).toBeLessThan(500)
  if (response.statusCode >= 400) {
    refusals.push({ what, status: response.statusCode })
    return undefined
  }
  return response.json<Record<string, unknown>>()
}

function multipartImage(bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}

/** Stores one share of the payloads in every authored field: article, author, source, tags, photo. */
async function storeChunk(payloads: string[], index: number, sectionId: number): Promise<void> {
  const [a = '', b = '', c = '', d = '', e = '', f = '', g = '', h = ''] = payloads
  const author = await write('author', {
    method: 'POST',
    url: '/api/admin/authors',
    payload: { name: { en: a }, bio: { en: b } },
  })
  const source = await write('source', {
    method: 'POST',
    url: '/api/admin/sources',
    payload: { name: { en: c } },
  })
  const media = await write('media upload', {
    method: 'POST',
    url: '/api/admin/media',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: multipartImage(await makeImage('jpeg', { width: 640, height: 400 })),
  })
  if (media)
    await write('media text', {
      method: 'PATCH',
      url: `/api/admin/media/${String(media['id'])}`,
      payload: { alt: { en: d }, caption: { en: e }, credit: f.slice(0, 300) },
    })
  const article = await write('article', {
    method: 'POST',
    url: '/api/admin/articles',
    payload: {
      language: 'en',
      status: 'published',
      section: sectionId,
      headline: `Payload ${index}: ${g}`,
      dek: h,
      // The body as HTML: each payload raw, and inside a paragraph, a quote and a link text.
      body: payloads
        .map((payload) => `${payload}<p>${payload}</p><blockquote>${payload}</blockquote>`)
        .join(''),
      tags: payloads.map((payload) => payload.slice(0, 100)),
      ...(author ? { authors: [author['id']] } : {}),
      ...(source ? { source: source['id'] } : {}),
      ...(media ? { heroMediaId: media['id'] } : {}),
      seo: { title: a.slice(0, 200), description: b.slice(0, 400) },
    },
  })
  if (!article) return
  await write('notice', {
    method: 'POST',
    url: `/api/admin/articles/${String(article['id'])}/notices`,
    payload: { kind: 'correction', text: c },
  })
  const url = new URL(String(article['url']))
  articlePaths.push(url.pathname)
}

beforeAll(async () => {
  const adminFolder = mkdtempSync(join(tmpdir(), 'masthead-admin-build-'))
  await buildAdmin(() => undefined, adminFolder)
  store = await createTestStore('sqlite')
  await buildEditions(store.db)
  const config = loadConfig({
    MASTHEAD_DATA_DIR: mkdtempSync(join(tmpdir(), 'masthead-xss-')),
    MASTHEAD_DEMO: '0',
    MASTHEAD_SEARCH_RATE_LIMIT: '0',
  })
  app = await buildApp({
    config,
    store,
    clock: systemClock,
    storage: createLocalMediaStorage(mediaFolderOf(config.dataDir)),
    adminFolder,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const account = await buildUser(store.db, 'admin')
  adminEmail = account.email
  admin = await signIn(app, account)

  const sectionId = await buildSection(store.db, { slug: 'world' })
  for (let start = 0; start < XSS_PAYLOADS.length; start += CHUNK)
    await storeChunk(XSS_PAYLOADS.slice(start, start + CHUNK), start / CHUNK, sectionId)
  await app.newsroom.jobs.runDueJobs()
  await write('settings', {
    method: 'PATCH',
    url: '/api/admin/settings',
    payload: {
      siteName: { en: XSS_PAYLOADS[0], ar: XSS_PAYLOADS[1] },
      about: { en: XSS_PAYLOADS.join(' ') },
      socialLinks: [{ network: XSS_PAYLOADS[3], url: 'javascript:top.XSS()' }],
    },
  })
  // Static pages: the contact page (its form echoes what was typed) and one made of payloads.
  await write('contact page', {
    method: 'POST',
    url: '/api/admin/pages',
    payload: {
      language: 'en',
      slug: 'contact',
      title: XSS_PAYLOADS[5],
      body: XSS_PAYLOADS.slice(0, 40).join('<p>x</p>'),
      status: 'published',
      isInFooter: true,
    },
  })
  await write('about page', {
    method: 'POST',
    url: '/api/admin/pages',
    payload: {
      language: 'en',
      slug: 'about',
      title: XSS_PAYLOADS[6],
      body: XSS_PAYLOADS.slice(40).join('<p>x</p>'),
      status: 'published',
      isInFooter: true,
    },
  })
  browser = await launchBrowser()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await store?.dispose()
})

/**
 * What on the page could run script: event-handler attributes, script URLs, frames and plugins,
 * and <base> or refresh tags that would redirect to one. Checked in the DOM as the browser built
 * it, so a payload that needs a click or a hover to fire is caught too.
 */
const AUDIT_DOM = `(() => {
  const found = []
  const scriptUrl = /^\\s*(javascript|vbscript|data\\s*:\\s*text\\/html)/i
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on')) found.push(element.tagName + ' ' + name)
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'srcdoc'].includes(name)
          && (scriptUrl.test(attribute.value) || name === 'srcdoc'))
        found.push(element.tagName + ' ' + name + '=' + attribute.value)
    }
  }
  for (const element of document.querySelectorAll('body iframe, body object, body embed, base, meta[http-equiv]'))
    found.push('element ' + element.tagName)
  return found
})()`

async function newReader(): Promise<{ context: BrowserContext; page: Page; fired: string[] }> {
  // The policy is off here: it must not be what stops these payloads. Escaping and sanitising
  // must stop them on their own; the Content-Security-Policy is the second wall.
  const context = await browser.newContext({ bypassCSP: true })
  const fired: string[] = []
  await context.exposeBinding('XSS', ({ page }) => {
    fired.push(page.url())
  })
  const page = await context.newPage()
  page.on('dialog', (dialog) => {
    fired.push(`dialog on ${page.url()}`)
    void dialog.dismiss()
  })
  return { context, page, fired }
}

async function visitAndAudit(page: Page, path: string): Promise<string[]> {
  await page.goto(baseUrl + path, { waitUntil: 'load' })
  return page.evaluate<string[]>(AUDIT_DOM)
}

describe(`${XSS_PAYLOADS.length} XSS payloads stored in every authored field`, () => {
  it('are stored or refused, never a server error', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(80)
    expect(articlePaths.length).toBe(Math.ceil(XSS_PAYLOADS.length / CHUNK))
    // Only validation refuses: a tag or slug made of nothing but symbols, say.
    expect(refusals.filter((refusal) => refusal.status !== 400)).toEqual([])
  })

  it('never run on the public site: articles, home, tag, author and source pages', async () => {
    const { context, page, fired } = await newReader()
    try {
      const visited = new Set<string>()
      const findings: Record<string, string[]> = {}
      const queue = ['/en/', '/en/about', ...articlePaths]
      while (queue.length > 0) {
        const path = queue.shift() ?? ''
        if (visited.has(path)) continue
        visited.add(path)
        const audit = await visitAndAudit(page, path)
        if (audit.length > 0) findings[path] = audit
        // Follow the links an article shows to its tag, author and source pages.
        if (articlePaths.includes(path)) {
          const links = await page.evaluate<string[]>(
            `[...document.querySelectorAll('a[href^="/en/tag/"], a[href^="/en/author/"], a[href^="/en/source/"]')].map((a) => a.getAttribute('href'))`,
          )
          queue.push(...links.filter((link) => !visited.has(link)))
        }
      }
      expect(visited.size).toBeGreaterThan(articlePaths.length + 5)
      expect(findings).toEqual({})
      expect(fired).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)

  it('never run from the address: search queries and paths', async () => {
    const { context, page, fired } = await newReader()
    try {
      const findings: Record<string, string[]> = {}
      // Every payload as a search (its results page quotes the query); every fourth in a path.
      const paths = XSS_PAYLOADS.flatMap((payload, index) => [
        `/en/search?q=${encodeURIComponent(payload)}`,
        ...(index % 4 === 0
          ? [`/en/tag/${encodeURIComponent(payload)}`, `/en/${encodeURIComponent(payload)}`]
          : []),
      ])
      for (const path of paths) {
        const audit = await visitAndAudit(page, path)
        if (audit.length > 0) findings[path] = audit
      }
      expect(findings).toEqual({})
      expect(fired).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)

  it('never run when echoed back by the contact form', async () => {
    const { context, page, fired } = await newReader()
    try {
      await page.goto(`${baseUrl}/en/contact`)
      for (const payload of XSS_PAYLOADS.slice(0, 12)) {
        await page.fill('#contact-name', payload.slice(0, 100))
        await page.fill('#contact-email', payload.slice(0, 200))
        await page.fill('#contact-subject', payload.slice(0, 150))
        await page.fill('#contact-message', payload)
        await Promise.all([page.waitForLoadState('load'), page.click('form button[type=submit]')])
        expect(await page.evaluate<string[]>(AUDIT_DOM)).toEqual([])
      }
      expect(fired).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)

  it('never run in the newsroom app: the article list and every editor', async () => {
    const { context, page, fired } = await newReader()
    try {
      await page.goto(`${baseUrl}/admin/`)
      await page.getByLabel('Email').fill(adminEmail)
      await page.getByLabel('Password').fill(TEST_PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.locator('table').first().waitFor()
      expect(await page.evaluate<string[]>(AUDIT_DOM)).toEqual([])
      const ids = await store.db.selectFrom('articles').select('id').execute()
      for (const { id } of ids) {
        await page.goto(`${baseUrl}/admin/articles/${id}`)
        await page.locator('.ProseMirror').waitFor()
        expect(await page.evaluate<string[]>(AUDIT_DOM), `editor of ${id}`).toEqual([])
      }
      expect(fired).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)
})
