import type { FastifyInstance, InjectOptions } from 'fastify'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, UserRole } from '../../../src/db/database.js'
import { PERMISSIONS } from '../../../src/modules/access/permissions.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildArticle, buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { makeImage } from '../../helpers/images.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

/** A word that appears only in the victim's draft, so any response that carries it leaks it. */
const MARKER = 'zyzzogeton'
const HEADLINE = `Embargoed budget figures ${MARKER}`

interface Ids {
  /** The victim's draft. */
  draft: number
  /** The intruder's own drafts, in English and in Arabic. */
  own: number
  ownArabic: number
  version: number
  /** An entry of the victim's draft, which is a live story. */
  entry: number
}
type Call = (ids: Ids) => Pick<InjectOptions, 'method' | 'payload'> & { url: string }

const BOUNDARY = '----masthead-isolation-boundary'

/**
 * Every Admin API route that acts on one article, with the calls an intruder makes against the
 * victim's draft. The drift guard below fails when a route appears that is in neither table.
 */
const ARTICLE_ROUTE_CASES: Record<string, Call[]> = {
  'GET /api/admin/articles/:id': [
    ({ draft }) => ({ method: 'GET', url: `/api/admin/articles/${draft}` }),
  ],
  'PATCH /api/admin/articles/:id': [
    ({ draft, version }) => ({
      method: 'PATCH',
      url: `/api/admin/articles/${draft}`,
      payload: { headline: 'Taken over', baseVersion: version, tags: ['Hijacked'] },
    }),
    ({ draft }) => ({
      method: 'PATCH',
      url: `/api/admin/articles/${draft}`,
      payload: { dek: 'x' },
    }),
  ],
  'DELETE /api/admin/articles/:id': [
    ({ draft }) => ({ method: 'DELETE', url: `/api/admin/articles/${draft}` }),
  ],
  'POST /api/admin/articles/:id/transitions': ['submit', 'publish', 'schedule', 'return'].map(
    (action) =>
      ({ draft }: Ids) => ({
        method: 'POST' as const,
        url: `/api/admin/articles/${draft}/transitions`,
        payload: { action, scheduledAt: new Date(TEST_NOW.getTime() + 3_600_000).toISOString() },
      }),
  ),
  'POST /api/admin/articles/:id/autosave': [
    ({ draft }) => ({
      method: 'POST',
      url: `/api/admin/articles/${draft}/autosave`,
      payload: { headline: 'Autosaved by someone else', body: '<p>x</p>' },
    }),
  ],
  'GET /api/admin/articles/:id/revisions': [
    ({ draft }) => ({ method: 'GET', url: `/api/admin/articles/${draft}/revisions` }),
  ],
  'GET /api/admin/articles/:id/revisions/compare': [
    ({ draft }) => ({
      method: 'GET',
      url: `/api/admin/articles/${draft}/revisions/compare?from=1&to=2`,
    }),
  ],
  'GET /api/admin/articles/:id/revisions/:number': [
    ({ draft }) => ({ method: 'GET', url: `/api/admin/articles/${draft}/revisions/1` }),
  ],
  'POST /api/admin/articles/:id/revisions/:number/restore': [
    ({ draft }) => ({ method: 'POST', url: `/api/admin/articles/${draft}/revisions/1/restore` }),
  ],
  'POST /api/admin/articles/:id/preview-link': [
    ({ draft }) => ({ method: 'POST', url: `/api/admin/articles/${draft}/preview-link` }),
  ],
  'POST /api/admin/articles/:id/notices': [
    ({ draft }) => ({
      method: 'POST',
      url: `/api/admin/articles/${draft}/notices`,
      payload: { kind: 'correction', text: 'A correction nobody asked for' },
    }),
  ],
  'POST /api/admin/articles/:id/translations': [
    ({ draft }) => ({
      method: 'POST',
      url: `/api/admin/articles/${draft}/translations`,
      payload: { language: 'ar' },
    }),
  ],
  'PUT /api/admin/articles/:id/translations/:otherId': [
    ({ draft, ownArabic }) => ({
      method: 'PUT',
      url: `/api/admin/articles/${draft}/translations/${ownArabic}`,
    }),
    ({ draft, ownArabic }) => ({
      method: 'PUT',
      url: `/api/admin/articles/${ownArabic}/translations/${draft}`,
    }),
  ],
  'POST /api/admin/articles/:id/lock': [
    ({ draft }) => ({ method: 'POST', url: `/api/admin/articles/${draft}/lock`, payload: {} }),
    ({ draft }) => ({
      method: 'POST',
      url: `/api/admin/articles/${draft}/lock`,
      payload: { takeOver: true },
    }),
  ],
  'GET /api/admin/articles/:id/entries': [
    ({ draft }) => ({ method: 'GET', url: `/api/admin/articles/${draft}/entries` }),
  ],
  'POST /api/admin/articles/:id/entries': [
    ({ draft }) => ({
      method: 'POST',
      url: `/api/admin/articles/${draft}/entries`,
      payload: { body: '<p>Posted by someone else</p>', isPinned: true },
    }),
  ],
  'PATCH /api/admin/articles/:id/entries/:entryId': [
    ({ draft, entry }) => ({
      method: 'PATCH',
      url: `/api/admin/articles/${draft}/entries/${entry}`,
      payload: { body: '<p>Rewritten by someone else</p>' },
    }),
  ],
  'DELETE /api/admin/articles/:id/entries/:entryId': [
    ({ draft, entry }) => ({
      method: 'DELETE',
      url: `/api/admin/articles/${draft}/entries/${entry}`,
    }),
  ],
  'DELETE /api/admin/articles/:id/lock': [
    ({ draft }) => ({ method: 'DELETE', url: `/api/admin/articles/${draft}/lock` }),
  ],
}

/** Routes over many articles: what they answer the intruder must not mention the victim's draft. */
const COLLECTION_ROUTE_CASES: Record<string, Call[]> = {
  'GET /api/admin/articles': [
    '?pageSize=100',
    '?status=draft&pageSize=100',
    '?q=embargoed%20budget',
    '?sort=updated&language=en',
  ].map((query) => () => ({ method: 'GET' as const, url: `/api/admin/articles${query}` })),
  'POST /api/admin/articles': [
    ({ draft }) => ({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline: 'Intruder story pointing at another draft',
        body: '<p>Related.</p>',
        section: 'isolation',
        relatedArticleIds: [draft],
      },
    }),
  ],
  'POST /api/admin/articles/bulk': ['publish', 'unpublish', 'delete'].map(
    (action) =>
      ({ draft }: Ids) => ({
        method: 'POST' as const,
        url: '/api/admin/articles/bulk',
        payload: { action, ids: [draft] },
      }),
  ),
  'POST /api/admin/tags': [
    () => ({ method: 'POST', url: '/api/admin/tags', payload: { language: 'en', name: 'Budget' } }),
  ],
  'GET /api/admin/dashboard': [() => ({ method: 'GET', url: '/api/admin/dashboard' })],
  'GET /api/admin/workflow': [() => ({ method: 'GET', url: '/api/admin/workflow' })],
}

/** Routes that reach articles: by path, or by holding an article permission. */
function touchesArticles(route: { url: string; access: unknown }): boolean {
  const access = route.access as { permission?: string } | 'public'
  const permission = typeof access === 'object' ? (access.permission ?? '') : ''
  return (
    route.url.startsWith('/api/admin') &&
    (/articles?\b/.test(route.url) ||
      permission.startsWith('articles.') ||
      // Writers create tags while tagging, finding the ones other people's drafts carry.
      permission === 'tags.create' ||
      route.url.includes('dashboard'))
  )
}

function permissionOf(app: FastifyInstance, key: string) {
  const route = app.newsroom.routes.find(
    (candidate) => `${candidate.method} ${candidate.url}` === key,
  )
  if (!route || route.access === 'public') throw new Error(`no guarded route ${key}`)
  return route.access.permission
}

/** Everything stored about one article, to compare before and after an intrusion. */
async function snapshot(db: Kysely<Database>, id: number) {
  const [article, revisions, tags, authors, relations, notices, locks, entries, group] =
    await Promise.all([
      db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst(),
      db
        .selectFrom('articleRevisions')
        .select(['id', 'kind', 'number'])
        .where('articleId', '=', id)
        .orderBy('id')
        .execute(),
      db.selectFrom('articleTags').selectAll().where('articleId', '=', id).execute(),
      db.selectFrom('articleAuthors').selectAll().where('articleId', '=', id).execute(),
      db.selectFrom('articleRelations').selectAll().where('articleId', '=', id).execute(),
      db.selectFrom('articleNotices').selectAll().where('articleId', '=', id).execute(),
      db.selectFrom('articleLocks').selectAll().where('articleId', '=', id).execute(),
      db.selectFrom('liveEntries').selectAll().where('articleId', '=', id).orderBy('id').execute(),
      db
        .selectFrom('articles')
        .select(['id', 'translationGroup'])
        .where('translationGroup', 'in', (eb) =>
          eb.selectFrom('articles').select('translationGroup').where('id', '=', id),
        )
        .orderBy('id')
        .execute(),
    ])
  return { article, revisions, tags, authors, relations, notices, locks, entries, group }
}

describeEachDatabase("another author's draft", (store) => {
  let app: FastifyInstance
  let victim: NewsroomClient
  let draft: { id: number; url: string; slug: string; version: number; authors: { slug: string }[] }
  let mediaId: number
  let entryId: number
  let tagSlug: string

  const createDraft = async (client: NewsroomClient, fields: Record<string, unknown>) => {
    const response = await client.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        body: '<p>Plain words.</p>',
        section: 'isolation',
        tags: ['Budget'],
        status: 'draft',
        ...fields,
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<typeof draft>()
  }

  beforeAll(async () => {
    const { db } = store()
    await buildEditions(db)
    const sectionId = await buildSection(db, { slug: 'isolation' })
    app = await createTestApp(store())
    victim = await signInAs(app, db, 'author')
    const upload = await victim.request({
      method: 'POST',
      url: '/api/admin/media',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="budget.png"\r\n` +
            'Content-Type: image/png\r\n\r\n',
        ),
        await makeImage('png', { width: 64, height: 48 }),
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      ]),
    })
    expect(upload.statusCode, upload.body).toBe(201)
    mediaId = upload.json<{ id: number }>().id
    draft = await createDraft(victim, {
      type: 'live',
      headline: HEADLINE,
      dek: `The ${MARKER} numbers before the vote`,
      body: `<p>Secret ${MARKER} paragraph.</p>`,
      heroMediaId: mediaId,
      seo: { imageMediaId: mediaId, title: `${MARKER} in search` },
    })
    // A second save and a notice give it revisions to read and compare; the lock is held.
    const saved = await victim.request({
      method: 'PATCH',
      url: `/api/admin/articles/${draft.id}`,
      payload: { excerpt: `${MARKER} excerpt`, notice: { kind: 'update', text: `${MARKER} note` } },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    draft = saved.json<typeof draft>()
    const translated = await victim.request({
      method: 'POST',
      url: `/api/admin/articles/${draft.id}/translations`,
      payload: { language: 'ar' },
    })
    expect(translated.statusCode, translated.body).toBe(201)
    const posted = await victim.request({
      method: 'POST',
      url: `/api/admin/articles/${draft.id}/entries`,
      payload: { title: `${MARKER} first update`, body: `<p>${MARKER} from the scene</p>` },
    })
    expect(posted.statusCode, posted.body).toBe(201)
    entryId = posted.json<{ id: number }>().id
    const locked = await victim.request({
      method: 'POST',
      url: `/api/admin/articles/${draft.id}/lock`,
      payload: {},
    })
    expect(locked.statusCode).toBe(200)
    // Published neighbours, so listings, feeds and sitemaps have something to show.
    for (let n = 0; n < 3; n += 1) await buildArticle(db, { sectionId })
    tagSlug = (
      await db
        .selectFrom('tags')
        .select('slug')
        .where('name', '=', 'Budget')
        .executeTakeFirstOrThrow()
    ).slug
  })
  afterAll(() => app.close())

  it('has a case for every Admin API route that reaches articles (drift guard)', () => {
    const reaching = app.newsroom.routes
      .filter(touchesArticles)
      .map((route) => `${route.method} ${route.url}`)
      .sort()
    const covered = [
      ...Object.keys(ARTICLE_ROUTE_CASES),
      ...Object.keys(COLLECTION_ROUTE_CASES),
    ].sort()
    expect(reaching).toEqual(covered)
    // Each one-article route is one whose path names the article.
    for (const key of Object.keys(ARTICLE_ROUTE_CASES)) expect(key).toMatch(/\/articles\/:id/)
  })

  for (const role of ['author', 'contributor'] as const satisfies UserRole[]) {
    describe(`as another ${role}`, () => {
      let intruder: NewsroomClient
      let ids: Ids

      beforeAll(async () => {
        intruder = await signInAs(app, store().db, role)
        const own = await createDraft(intruder, { headline: `The ${role}'s own story` })
        const ownArabic = await createDraft(intruder, {
          headline: `قصة ${role}`,
          language: 'ar',
          section: `قسم-isolation`,
        })
        ids = {
          draft: draft.id,
          own: own.id,
          ownArabic: ownArabic.id,
          version: draft.version,
          entry: entryId,
        }
      })

      it('answers 404 on every route that names the draft, and changes nothing', async () => {
        for (const [key, calls] of Object.entries(ARTICLE_ROUTE_CASES)) {
          const allowed = (PERMISSIONS[permissionOf(app, key)].roles as readonly string[]).includes(
            role,
          )
          for (const call of calls) {
            const options = call(ids)
            const before = await snapshot(store().db, draft.id)
            const response = await intruder.request(options)
            const label = `${role} ${options.method} ${options.url} → ${response.statusCode} ${response.body.slice(0, 200)}`
            expect(response.statusCode, label).toBe(allowed ? 404 : 403)
            expect(response.body.toLowerCase(), label).not.toContain(MARKER)
            expect(await snapshot(store().db, draft.id), label).toEqual(before)
          }
        }
      })

      it('never shows the draft in lists, search, the dashboard or bulk results', async () => {
        for (const [key, calls] of Object.entries(COLLECTION_ROUTE_CASES)) {
          const allowed = (PERMISSIONS[permissionOf(app, key)].roles as readonly string[]).includes(
            role,
          )
          for (const call of calls) {
            const options = call(ids)
            const before = await snapshot(store().db, draft.id)
            const response = await intruder.request(options)
            const label = `${role} ${options.method} ${options.url} → ${response.statusCode} ${response.body.slice(0, 300)}`
            expect(response.statusCode, label).toBeLessThan(500)
            if (!allowed) expect(response.statusCode, label).toBe(403)
            else expect(response.statusCode, label).toBeLessThan(300)
            expect(response.body.toLowerCase(), label).not.toContain(MARKER)
            expect(await snapshot(store().db, draft.id), label).toEqual(before)
            if (key === 'POST /api/admin/articles/bulk' && allowed) {
              const results = response.json<{
                results: { id: number; outcome: string; error?: { code: string } }[]
              }>().results
              expect(
                results.map((result) => [result.id, result.outcome, result.error?.code]),
                label,
              ).toEqual([[draft.id, 'failed', 'NOT_FOUND']])
            }
          }
        }
      })

      it('never shows the draft through any other GET route of the Admin API', async () => {
        const reads = app.newsroom.routes.filter(
          (route) =>
            route.method === 'GET' &&
            route.url.startsWith('/api/admin') &&
            route.access !== 'public' &&
            (PERMISSIONS[route.access.permission].roles as readonly string[]).includes(role),
        )
        expect(reads.length).toBeGreaterThan(10)
        for (const route of reads) {
          const url = route.url
            .replace(/:id\b/, String(route.url.includes('/media/') ? mediaId : draft.id))
            .replace(/:\w+/g, '1')
          const response = await intruder.request({ method: 'GET', url })
          const label = `${role} GET ${url} → ${response.statusCode} ${response.body.slice(0, 300)}`
          expect(response.statusCode, label).toBeLessThan(500)
          expect(response.body.toLowerCase(), label).not.toContain(MARKER)
        }
      })
    })
  }

  it('keeps the draft off every public URL, feed, sitemap and the content API', async () => {
    const fills: Record<string, string[]> = {
      lang: ['en', 'ar'],
      slug: ['isolation', tagSlug, draft.authors[0]?.slug ?? 'none'],
      section: ['isolation'],
      // Not the draft's own slug: a 404 page may echo the path it was asked for.
      article: [`${draft.id}-budget`, String(draft.id)],
      id: [String(draft.id)],
      file: ['news-en.xml', 'articles-en-1.xml'],
      token: ['not-a-token'],
    }
    const expand = (url: string): string[] => {
      const match = /:(\w+)/.exec(url)
      if (!match) return [url]
      const values = fills[match[1] ?? ''] ?? ['1']
      return values.flatMap((value) => expand(url.replace(match[0], encodeURIComponent(value))))
    }
    const publicReads = app.newsroom.routes.filter(
      (route) =>
        route.method === 'GET' &&
        route.access === 'public' &&
        // The newsroom app's shell holds no content (and answers 503 when it is not built).
        !route.url.startsWith('/admin') &&
        // A probe, not content: 503 here, as no job runner is started in this test.
        route.url !== '/readyz' &&
        !route.url.startsWith('/api/admin'),
    )
    const urls = new Set<string>()
    for (const route of publicReads) {
      for (const url of expand(route.url.replace('/*', '/x'))) urls.add(url)
    }
    for (const extra of [
      `/api/v1/articles?language=en&pageSize=100`,
      `/api/v1/articles?language=en&section=isolation&tag=${encodeURIComponent(tagSlug)}`,
      `/api/v1/search?language=en&q=embargoed%20budget`,
      `/api/v1/lookup?url=${encodeURIComponent(draft.url)}`,
      `/en/search?q=embargoed%20budget`,
    ])
      urls.add(extra)
    const sitemapIndex = await app.inject({ method: 'GET', url: '/sitemap.xml' })
    for (const [, loc] of sitemapIndex.body.matchAll(/<loc>([^<]+)<\/loc>/g))
      urls.add(new URL(loc ?? '/').pathname)
    expect(urls.size).toBeGreaterThan(40)
    for (const url of urls) {
      const response = await app.inject({ method: 'GET', url })
      const label = `GET ${url} → ${response.statusCode}`
      expect(response.statusCode, label).toBeLessThan(500)
      expect(response.body.toLowerCase(), label).not.toContain(MARKER)
    }
    const page = await app.inject({ method: 'GET', url: new URL(draft.url).pathname })
    expect(page.statusCode).toBe(404)
    expect(page.body.toLowerCase()).not.toContain(`secret ${MARKER}`)
    const api = await app.inject({ method: 'GET', url: `/api/v1/articles/${draft.id}` })
    expect(api.statusCode).toBe(404)
  })

  it('shows the draft at /preview/ only with a valid token from someone who may see it', async () => {
    const link = await victim.request({
      method: 'POST',
      url: `/api/admin/articles/${draft.id}/preview-link`,
    })
    expect(link.statusCode).toBe(201)
    const path = new URL(link.json<{ url: string }>().url).pathname
    const preview = await app.inject({ method: 'GET', url: path })
    expect(preview.statusCode).toBe(200)
    expect(preview.body.toLowerCase()).toContain(MARKER)
    const token = path.slice('/preview/'.length)
    const [, expiry, signature] = token.split('.')
    const sibling = await buildArticle(store().db, { status: 'draft' })
    for (const forged of [
      `${sibling}.${expiry}.${signature}`,
      `${draft.id}.${Number(expiry) + 1}.${signature}`,
      `${draft.id}.${expiry}.${(signature ?? '').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`,
      `${draft.id}`,
      '',
      `${token}x`,
    ]) {
      const response = await app.inject({ method: 'GET', url: `/preview/${forged}` })
      expect(response.statusCode, forged).toBe(404)
      expect(response.body.toLowerCase(), forged).not.toContain(MARKER)
    }
  })
})
