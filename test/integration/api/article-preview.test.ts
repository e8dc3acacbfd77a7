import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { parseHtml } from '../../helpers/html.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const DAY_MS = 24 * 60 * 60_000

describeEachDatabase('preview links to unpublished articles', (store) => {
  const clock = manualClock(TEST_NOW)
  let app: FastifyInstance
  let editor: NewsroomClient
  let contributor: NewsroomClient
  let otherContributor: NewsroomClient
  let sectionId: number

  beforeAll(async () => {
    await buildEditions(store().db)
    sectionId = await buildSection(store().db)
    app = await createTestApp(store(), { clock })
    editor = await signInAs(app, store().db, 'editor')
    contributor = await signInAs(app, store().db, 'contributor')
    otherContributor = await signInAs(app, store().db, 'contributor')
  })
  afterAll(() => app.close())

  async function draftBy(client: NewsroomClient, headline: string): Promise<number> {
    const response = await client.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline,
        body: '<p>A quiet draft about the library extension.</p>',
        section: sectionId,
        tags: ['Libraries'],
        seo: { title: 'Library plan, in search', socialTitle: 'Library plan, when shared' },
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<{ id: number }>().id
  }

  async function previewLink(client: NewsroomClient, id: number) {
    const response = await client.request({
      method: 'POST',
      url: `/api/admin/articles/${id}/preview-link`,
    })
    return {
      status: response.statusCode,
      body: response.json<{ url: string; expiresAt: string }>(),
    }
  }

  const open = (url: string) => app.inject({ method: 'GET', url: new URL(url).pathname })

  it('shows the draft through a fresh link, unindexed and never stored', async () => {
    clock.set(TEST_NOW)
    const id = await draftBy(editor, 'Library extension drafted')
    const { status, body } = await previewLink(editor, id)
    expect(status).toBe(201)
    expect(body.url).toMatch(/^https:\/\/news\.example\/preview\/\d+\.\d+\.[\w-]{43}$/)
    expect(Date.parse(body.expiresAt)).toBe(TEST_NOW.getTime() + DAY_MS)

    const page = await open(body.url)
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('private, no-store')
    expect(page.headers['x-robots-tag']).toBe('noindex')
    const html = parseHtml(page.body)
    expect(html.querySelector('h1.article__headline')?.text).toBe('Library extension drafted')
    expect(html.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex')
    expect(html.querySelector('.preview-notice')).not.toBeNull()
    // The SEO and social overrides are what the page's head carries.
    expect(html.querySelector('title')?.text).toContain('Library plan, in search')
    expect(html.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(
      'Library plan, when shared',
    )
    // The public address of the same draft still finds nothing.
    const article = await editor.request({ method: 'GET', url: `/api/admin/articles/${id}` })
    const publicPath = new URL(article.json<{ url: string }>().url).pathname
    expect((await app.inject({ method: 'GET', url: publicPath })).statusCode).toBe(404)
  })

  it('leaves out the share links and the page-view beacon and pixel the public page has', async () => {
    clock.set(TEST_NOW)
    const created = await editor.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline: 'Harbour ferries run through the night',
        body: '<p>The night timetable starts on Friday.</p>',
        section: sectionId,
        tags: ['Ferries'],
        status: 'published',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const { id, url } = created.json<{ id: number; url: string }>()
    const publicPage = await app.inject({ method: 'GET', url: new URL(url).pathname })
    const preview = await open((await previewLink(editor, id)).body.url)
    expect(publicPage.statusCode).toBe(200)
    expect(preview.statusCode).toBe(200)

    const pageViewUrl = `/api/v1/page-views/${id}`
    const isShareLink = (href: string) =>
      /x\.com\/intent|facebook\.com\/sharer|wa\.me|^mailto:/.test(href)
    const shareLinksOf = (body: string) =>
      parseHtml(body)
        .querySelectorAll('a')
        .map((link) => link.getAttribute('href') ?? '')
        .filter(isShareLink)
    expect(shareLinksOf(publicPage.body)).toHaveLength(4)
    expect(parseHtml(publicPage.body).querySelector('.share')).not.toBeNull()
    expect(publicPage.body).toContain(`data-view-url="${pageViewUrl}"`)
    expect(publicPage.body).toContain(`src="${pageViewUrl}.gif"`)

    expect(shareLinksOf(preview.body)).toEqual([])
    expect(parseHtml(preview.body).querySelector('.share')).toBeNull()
    expect(preview.body).not.toContain('data-view-url')
    expect(preview.body).not.toContain('/api/v1/page-views')
  })

  it('refuses a link once it has expired', async () => {
    clock.set(TEST_NOW)
    const id = await draftBy(editor, 'Expiring preview of the ferry timetable')
    const { body } = await previewLink(editor, id)
    clock.advance(DAY_MS - 1000)
    expect((await open(body.url)).statusCode).toBe(200)
    clock.advance(1000)
    const expired = await open(body.url)
    expect(expired.statusCode).toBe(404)
    expect(expired.headers['cache-control']).toBe('no-store')
    expect(expired.body).not.toContain('Expiring preview of the ferry timetable')
  })

  it('refuses a tampered link: another article id, a later expiry or a changed signature', async () => {
    clock.set(TEST_NOW)
    const id = await draftBy(editor, 'Tamper-proof draft on school meals')
    const secretId = await draftBy(editor, 'Another draft nobody was sent')
    const { body } = await previewLink(editor, id)
    const [articleId, expiry, signature] = new URL(body.url).pathname.split('/')[2]!.split('.')
    const flipped = `${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`
    const tampered = [
      `${secretId}.${expiry}.${signature}`,
      `${articleId}.${Number(expiry) + DAY_MS / 1000}.${signature}`,
      `${articleId}.${expiry}.${flipped}`,
      `${articleId}.${expiry}`,
      'not-a-token',
    ]
    for (const token of tampered) {
      const page = await app.inject({ method: 'GET', url: `/preview/${token}` })
      expect(page.statusCode, token).toBe(404)
      expect(page.body).not.toContain('draft')
    }
    expect((await open(body.url)).statusCode).toBe(200)
  })

  describe('who may make a link', () => {
    it('lets a contributor preview their own draft, and answers 404 for anyone else’s', async () => {
      const own = await draftBy(contributor, 'Contributor draft on the night market')
      expect((await previewLink(contributor, own)).status).toBe(201)
      expect((await previewLink(otherContributor, own)).status).toBe(404)
    })
  })
})
