import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ArticleStatus } from '../../../src/db/database.js'
import { manualClock } from '../../../src/platform/clock.js'
import { WORKFLOW_ACTION_NAMES, WORKFLOW_ACTIONS } from '../../../src/modules/editorial/workflow.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface ArticleBody {
  id: number
  url: string
  status: ArticleStatus
  version: number
  headline: string
  slug: string
  bodyHtml: string
  notices: { kind: string; text: string }[]
  translations: { id: number; language: string }[]
  tags: { name: string }[]
  section: { slug: string }
}
const errorCode = (response: { json: () => unknown }) =>
  (response.json() as { errors: { code: string }[] }).errors[0]?.code

describeEachDatabase('the article workflow through the Admin API', (store) => {
  const clock = manualClock(TEST_NOW)
  let app: FastifyInstance
  let editor: NewsroomClient
  let author: NewsroomClient
  let otherAuthor: NewsroomClient
  let contributor: NewsroomClient
  let sectionSlug: string

  beforeAll(async () => {
    await buildEditions(store().db)
    const sectionId = await buildSection(store().db)
    sectionSlug = `section-${sectionId}`
    const row = await store()
      .db.selectFrom('sectionTranslations')
      .select('slug')
      .where('sectionId', '=', sectionId)
      .where('language', '=', 'en')
      .executeTakeFirstOrThrow()
    sectionSlug = row.slug
    app = await createTestApp(store(), { clock })
    editor = await signInAs(app, store().db, 'editor')
    author = await signInAs(app, store().db, 'author')
    otherAuthor = await signInAs(app, store().db, 'author')
    contributor = await signInAs(app, store().db, 'contributor')
  })
  afterAll(() => app.close())

  async function createArticle(
    client: NewsroomClient,
    overrides: Record<string, unknown> = {},
  ): Promise<ArticleBody> {
    const response = await client.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline: 'Council approves the new river bridge',
        body: '<p>The council voted <strong>seven to two</strong>.</p><script>alert(1)</script>',
        section: sectionSlug,
        tags: ['Bridges', 'City council'],
        status: 'draft',
        ...overrides,
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<ArticleBody>()
  }

  const move = (client: NewsroomClient, id: number, action: string, extra = {}) =>
    client.request({
      method: 'POST',
      url: `/api/admin/articles/${id}/transitions`,
      payload: { action, ...extra },
    })

  it('creates an article from HTML, sanitised, with its tags and public URL', async () => {
    const article = await createArticle(editor)
    expect(article.status).toBe('draft')
    expect(article.bodyHtml).toContain('<strong>seven to two</strong>')
    expect(article.bodyHtml).not.toContain('script')
    expect(article.tags.map((tag) => tag.name)).toEqual(['Bridges', 'City council'])
    expect(article.url).toBe(
      `https://news.example/en/${sectionSlug}/${article.id}-council-approves-the-new-river-bridge`,
    )
  })

  it('answers 400 naming the field for bad input, and stores nothing', async () => {
    const before = await store()
      .db.selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    for (const [payload, property] of [
      [{ language: 'en', headline: '', section: sectionSlug }, 'headline'],
      [{ language: 'en', headline: 'x', section: 'no-such-section' }, 'section'],
      [
        { language: 'en', headline: 'x', section: sectionSlug, sourceUrl: 'javascript:alert(1)' },
        'sourceUrl',
      ],
      [{ language: 'en', headline: 'x', section: sectionSlug, surprise: true }, ''],
    ] as const) {
      const response = await editor.request({ method: 'POST', url: '/api/admin/articles', payload })
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      const problem = response.json<{ errors: { code: string; property?: string }[] }>().errors[0]
      expect(problem?.code).toBe('VALIDATION_FAILED')
      if (property) expect(problem?.property).toBe(property)
    }
    const after = await store()
      .db.selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('allows exactly the transitions of the workflow and answers 409 to the others', async () => {
    const reach: Record<ArticleStatus, string[]> = {
      draft: [],
      in_review: ['submit'],
      scheduled: ['schedule'],
      published: ['publish'],
      unpublished: ['publish', 'unpublish'],
    }
    for (const [from, path] of Object.entries(reach) as [ArticleStatus, string[]][]) {
      for (const action of WORKFLOW_ACTION_NAMES) {
        const article = await createArticle(editor)
        for (const step of path) {
          const response = await move(editor, article.id, step, {
            scheduledAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
          })
          expect(response.statusCode, `${step} to reach ${from}`).toBe(200)
        }
        const response = await move(editor, article.id, action, {
          scheduledAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
        })
        const isLegal = (WORKFLOW_ACTIONS[action].from as readonly string[]).includes(from)
        expect(response.statusCode, `${action} from ${from}`).toBe(isLegal ? 200 : 409)
        if (isLegal) expect(response.json<ArticleBody>().status).toBe(WORKFLOW_ACTIONS[action].to)
        else expect(errorCode(response)).toBe('ILLEGAL_TRANSITION')
      }
    }
  })

  it('lets a contributor submit but not publish, and an author publish only their own', async () => {
    const draft = await createArticle(contributor)
    expect((await move(contributor, draft.id, 'publish')).statusCode).toBe(403)
    expect((await move(contributor, draft.id, 'submit')).statusCode).toBe(200)
    const published = await createArticle(contributor, { status: 'published' }).catch(
      () => undefined,
    )
    expect(published).toBeUndefined()

    const own = await createArticle(author)
    expect((await move(author, own.id, 'publish')).statusCode).toBe(200)
    const others = await createArticle(otherAuthor)
    expect((await move(author, others.id, 'publish')).statusCode).toBe(404)
  })

  it("hides another author's draft on every route", async () => {
    const secret = await createArticle(otherAuthor, { headline: 'Embargoed budget figures' })
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/admin/articles/${secret.id}`],
      ['PATCH', `/api/admin/articles/${secret.id}`, { headline: 'Taken over' }],
      ['DELETE', `/api/admin/articles/${secret.id}`],
      ['GET', `/api/admin/articles/${secret.id}/revisions`],
      ['GET', `/api/admin/articles/${secret.id}/revisions/1`],
      ['GET', `/api/admin/articles/${secret.id}/revisions/compare?from=1&to=1`],
      ['POST', `/api/admin/articles/${secret.id}/revisions/1/restore`],
      ['POST', `/api/admin/articles/${secret.id}/autosave`, { headline: 'x' }],
      ['POST', `/api/admin/articles/${secret.id}/transitions`, { action: 'submit' }],
      ['POST', `/api/admin/articles/${secret.id}/notices`, { kind: 'update', text: 'x' }],
      ['POST', `/api/admin/articles/${secret.id}/translations`, { language: 'ar' }],
      ['POST', `/api/admin/articles/${secret.id}/lock`, {}],
    ]
    for (const [method, url, payload] of routes) {
      const response = await author.request({
        method: method,
        url,
        payload: payload as object,
      })
      expect(response.statusCode, `${method} ${url}`).toBe(404)
    }
    const list = await author.request({ method: 'GET', url: '/api/admin/articles?pageSize=100' })
    expect(list.json<{ items: { id: number }[] }>().items.map((item) => item.id)).not.toContain(
      secret.id,
    )
    const searched = async (client: NewsroomClient) =>
      (await client.request({ method: 'GET', url: '/api/admin/articles?q=embargoed%20budget' }))
        .json<{ items: { id: number }[] }>()
        .items.map((item) => item.id)
    expect(await searched(author)).not.toContain(secret.id)
    expect(await searched(otherAuthor)).toContain(secret.id)
    expect(await searched(editor)).toContain(secret.id)
    const stillThere = await otherAuthor.request({
      method: 'GET',
      url: `/api/admin/articles/${secret.id}`,
    })
    expect(stillThere.json<ArticleBody>().headline).toBe('Embargoed budget figures')
  })

  it('refuses a save based on a stale version, and keeps the newer one', async () => {
    const article = await createArticle(editor)
    const first = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: { headline: 'First editor’s headline', baseVersion: article.version },
    })
    expect(first.statusCode).toBe(200)
    const second = await author.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: { headline: 'Second editor’s headline', baseVersion: article.version },
    })
    expect([second.statusCode, errorCode(second)]).toEqual([404, 'NOT_FOUND'])
    const stale = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: { headline: 'Stale headline', baseVersion: article.version },
    })
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'STALE_REVISION'])
    const current = await editor.request({
      method: 'GET',
      url: `/api/admin/articles/${article.id}`,
    })
    expect(current.json<ArticleBody>().headline).toBe('First editor’s headline')
  })

  it('keeps a revision per save, compares two and restores one', async () => {
    const article = await createArticle(editor, { headline: 'Original headline' })
    await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: { headline: 'Changed headline', body: '<p>New body.</p>' },
    })
    const revisions = await editor.request({
      method: 'GET',
      url: `/api/admin/articles/${article.id}/revisions`,
    })
    const items = revisions.json<{ items: { number: number; changedFields: string[] }[] }>().items
    expect(items.map((item) => item.number)).toEqual([2, 1])
    expect(items[0]?.changedFields).toEqual(expect.arrayContaining(['bodyDoc', 'headline']))
    const compare = await editor.request({
      method: 'GET',
      url: `/api/admin/articles/${article.id}/revisions/compare?from=1&to=2`,
    })
    expect(
      compare.json<{ changes: { field: string; before: unknown; after: unknown }[] }>().changes,
    ).toContainEqual({
      field: 'headline',
      before: 'Original headline',
      after: 'Changed headline',
    })
    const restored = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${article.id}/revisions/1/restore`,
    })
    expect(restored.json<ArticleBody>().headline).toBe('Original headline')
    expect(restored.json<ArticleBody>().bodyHtml).toContain('seven to two')
  })

  it('autosaves a revision without changing the article', async () => {
    const article = await createArticle(editor)
    const autosave = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${article.id}/autosave`,
      payload: { headline: 'Half-written headline' },
    })
    expect(autosave.statusCode).toBe(200)
    const current = await editor.request({
      method: 'GET',
      url: `/api/admin/articles/${article.id}`,
    })
    expect(current.json<ArticleBody>().headline).toBe(article.headline)
    expect(current.json<ArticleBody>().version).toBe(article.version)
    const latest = await editor.request({
      method: 'GET',
      url: `/api/admin/articles/${article.id}/revisions/${autosave.json<{ number: number }>().number}`,
    })
    expect(latest.json<{ kind: string; snapshot: { headline: string } }>()).toMatchObject({
      kind: 'autosave',
      snapshot: { headline: 'Half-written headline' },
    })
  })

  it('shows the edit lock to others and lets them take it over', async () => {
    const article = await createArticle(editor)
    const mine = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${article.id}/lock`,
      payload: {},
    })
    expect(mine.json<{ isMine: boolean }>().isMine).toBe(true)
    const admin = await signInAs(app, store().db, 'admin')
    const blocked = await admin.request({
      method: 'POST',
      url: `/api/admin/articles/${article.id}/lock`,
      payload: {},
    })
    expect(
      blocked.json<{ isMine: boolean; lock: { userId: number; since: string } }>(),
    ).toMatchObject({
      isMine: false,
      lock: { userId: editor.userId, since: TEST_NOW.toISOString() },
    })
    const taken = await admin.request({
      method: 'POST',
      url: `/api/admin/articles/${article.id}/lock`,
      payload: { takeOver: true },
    })
    expect(taken.json<{ isMine: boolean }>().isMine).toBe(true)
    const seen = await editor.request({ method: 'GET', url: `/api/admin/articles/${article.id}` })
    expect(seen.json<{ lock: { userId: number } }>().lock.userId).toBe(admin.userId)
  })

  it('publishes notices tied to a revision, newest modification date included', async () => {
    const article = await createArticle(editor, { status: 'published' })
    clock.advance(60_000)
    const corrected = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${article.id}/notices`,
      payload: { kind: 'correction', text: 'An earlier version gave the wrong vote count.' },
    })
    expect(corrected.statusCode).toBe(201)
    const body = corrected.json<ArticleBody & { updatedAt: string }>()
    expect(body.notices).toEqual([
      expect.objectContaining({
        kind: 'correction',
        text: 'An earlier version gave the wrong vote count.',
      }),
    ])
    expect(body.updatedAt).toBe(clock.now().toISOString())
    const notice = await store()
      .db.selectFrom('articleNotices')
      .select('revisionId')
      .where('articleId', '=', article.id)
      .executeTakeFirstOrThrow()
    expect(notice.revisionId).not.toBeNull()
  })

  it('answers 301 from the old URL after a slug change and 410 after unpublishing', async () => {
    const article = await createArticle(editor, { status: 'published' })
    const oldPath = new URL(article.url).pathname
    expect((await app.inject({ method: 'GET', url: oldPath })).statusCode).toBe(200)
    const renamed = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: { slug: 'bridge-vote-result' },
    })
    const newPath = new URL(renamed.json<ArticleBody>().url).pathname
    const redirect = await app.inject({ method: 'GET', url: oldPath })
    expect(redirect.statusCode).toBe(301)
    expect(redirect.headers.location).toBe(newPath)
    expect((await move(editor, article.id, 'unpublish')).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: newPath })).statusCode).toBe(410)
  })

  it('creates a linked translation draft with the same section and matching tags', async () => {
    const original = await createArticle(editor, { tags: ['Bridges'] })
    await editor.request({
      method: 'POST',
      url: '/api/admin/tags',
      payload: { language: 'ar', name: 'Bridges' },
    })
    const response = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${original.id}/translations`,
      payload: { language: 'ar' },
    })
    expect(response.statusCode).toBe(201)
    const translation = response.json<ArticleBody & { language: string }>()
    expect(translation).toMatchObject({ language: 'ar', status: 'draft' })
    expect(translation.tags.map((tag) => tag.name)).toEqual(['Bridges'])
    expect(translation.translations).toEqual([{ id: original.id, language: 'en', status: 'draft' }])
    const again = await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${original.id}/translations`,
      payload: { language: 'ar' },
    })
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'CONFLICT'])
  })

  it('publishes a scheduled article once its time comes, exactly once', async () => {
    const at = new Date(clock.now().getTime() + 10 * 60_000).toISOString()
    const article = await createArticle(editor, { status: 'scheduled', scheduledAt: at })
    expect(article.status).toBe('scheduled')
    const published: number[] = []
    const stop = app.newsroom.outbox.subscribe((event) => {
      if (event.action === 'published') published.push(event.id)
    })
    expect(await app.newsroom.articles.publishDueArticles()).not.toContain(article.id)
    clock.advance(10 * 60_000)
    const [first, second] = await Promise.all([
      app.newsroom.articles.publishDueArticles(),
      app.newsroom.articles.publishDueArticles(),
    ])
    stop()
    expect([...first, ...second].filter((id) => id === article.id)).toHaveLength(1)
    expect(published.filter((id) => id === article.id)).toHaveLength(1)
    const now = await editor.request({ method: 'GET', url: `/api/admin/articles/${article.id}` })
    expect(now.json<ArticleBody & { publishedAt: string }>()).toMatchObject({
      status: 'published',
      publishedAt: at,
    })
  })

  it('records every write in the audit log with who and from where', async () => {
    const article = await createArticle(editor)
    await move(editor, article.id, 'publish')
    const admin = await signInAs(app, store().db, 'admin')
    const log = await admin.request({
      method: 'GET',
      url: `/api/admin/audit-log?entityType=article&entityId=${article.id}`,
    })
    const entries = log.json<{
      items: { action: string; actorId: number; details: { ipAddress: string } }[]
    }>().items
    expect(entries.map((entry) => entry.action)).toEqual(['article.publish', 'article.create'])
    expect(entries[0]).toMatchObject({
      actorId: editor.userId,
      details: { ipAddress: '127.0.0.1' },
    })
  })
})
