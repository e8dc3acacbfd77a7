import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { recordPageViews } from '../../../src/modules/analytics/page-view-queries.js'
import { createContactMessage } from '../../../src/modules/contact/contact-queries.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildAuthor, buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import {
  buildUser,
  signIn,
  signInAs,
  TEST_PASSWORD,
  type NewsroomClient,
} from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface Row {
  id: number
  headline: string
  sectionName: string
  authors: { slug: string; name: string }[]
}
interface Panel {
  items: Row[]
  total: number
}
interface Dashboard {
  myDrafts: Panel
  inReview: Panel
  scheduled: Panel
  recentlyPublished: Panel
  breaking: Panel
  contact: { unreadCount: number; latest: { subject: string }[] } | null
  mostReadToday: { id: number; views: number }[]
}

describeEachDatabase('the newsroom screens’ Admin API', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient
  let contributor: NewsroomClient
  let sectionId: number
  let authorSlug: string

  beforeAll(async () => {
    const { db } = store()
    await buildEditions(db)
    sectionId = await buildSection(db, { slug: 'harbour' })
    app = await createTestApp(store())
    editor = await signInAs(app, db, 'editor')
    contributor = await signInAs(app, db, 'contributor')
    const authorId = await buildAuthor(db)
    await db
      .updateTable('authors')
      .set({ userId: contributor.userId })
      .where('id', '=', authorId)
      .execute()
    authorSlug = (
      await db
        .selectFrom('authors')
        .select('slug')
        .where('id', '=', authorId)
        .executeTakeFirstOrThrow()
    ).slug
  })
  afterAll(() => app.close())

  async function create(client: NewsroomClient, fields: Record<string, unknown>): Promise<number> {
    const response = await client.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: { language: 'en', body: '<p>Text.</p>', section: sectionId, tags: [], ...fields },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<{ id: number }>().id
  }
  const dashboardOf = async (client: NewsroomClient) => {
    const response = await client.request({ url: '/api/admin/dashboard' })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<Dashboard>()
  }
  const headlines = (panel: Panel) => panel.items.map((row) => row.headline)

  it('answers every dashboard panel in one request, as far as the person may see', async () => {
    await create(contributor, { headline: 'Contributor draft about tides' })
    await create(contributor, { headline: 'Contributor piece for review', status: 'in_review' })
    await create(editor, { headline: 'Editor piece for review', status: 'in_review' })
    const breaking = await create(editor, {
      headline: 'Storm closes the harbour',
      status: 'published',
      isBreaking: true,
    })
    await create(editor, {
      headline: 'Ferry fares go up in spring',
      status: 'scheduled',
      scheduledAt: new Date(TEST_NOW.getTime() + 3_600_000).toISOString(),
    })
    await recordPageViews(store().db, { articleId: breaking, day: '2026-06-15', views: 40 })
    await createContactMessage(
      store().db,
      {
        language: 'en',
        name: 'A reader',
        email: 'reader@example.org',
        subject: 'Wrong date in the ferry story',
        message: 'The date should be Tuesday.',
      },
      TEST_NOW,
    )

    const mine = await dashboardOf(contributor)
    expect(headlines(mine.myDrafts)).toEqual(['Contributor draft about tides'])
    expect(headlines(mine.inReview)).toEqual(['Contributor piece for review'])
    expect(mine.scheduled.total).toBe(0)
    expect(mine.breaking.total).toBe(0)
    expect(mine.mostReadToday).toEqual([])
    expect(mine.contact).toBeNull()
    expect(mine.myDrafts.items[0]).toMatchObject({
      sectionName: 'Section harbour',
      authors: [{ slug: authorSlug }],
    })

    const desk = await dashboardOf(editor)
    expect(desk.myDrafts.total).toBe(0)
    expect(headlines(desk.inReview).sort()).toEqual([
      'Contributor piece for review',
      'Editor piece for review',
    ])
    expect(headlines(desk.scheduled)).toEqual(['Ferry fares go up in spring'])
    expect(headlines(desk.breaking)).toEqual(['Storm closes the harbour'])
    expect(headlines(desk.recentlyPublished)).toContain('Storm closes the harbour')
    expect(desk.mostReadToday).toEqual([
      { id: breaking, language: 'en', headline: 'Storm closes the harbour', views: 40 },
    ])
    expect(desk.contact).toMatchObject({
      unreadCount: 1,
      latest: [{ subject: 'Wrong date in the ferry story' }],
    })
  })

  it('lists articles with their section name and bylines, filtered by section and author', async () => {
    const id = await create(contributor, { headline: 'Lighthouse repairs begin' })
    const other = await buildSection(store().db)
    await create(editor, { headline: 'Elsewhere entirely', section: other })
    const response = await editor.request({
      url: `/api/admin/articles?section=harbour&author=${authorSlug}&q=`,
    })
    const rows = response.json<{ items: (Row & { id: number })[] }>().items
    expect(rows.map((row) => row.headline)).toContain('Lighthouse repairs begin')
    expect(rows.every((row) => row.sectionName === 'Section harbour')).toBe(true)
    expect(rows.every((row) => row.authors.some((author) => author.slug === authorSlug))).toBe(true)
    expect(rows.find((row) => row.id === id)?.authors[0]?.name).toMatch(/^Author \d+$/)
  })

  it('lists only the person’s own drafts when asked for theirs, as "My drafts" counts them', async () => {
    const me = await signInAs(app, store().db, 'editor')
    const own = await create(me, { headline: 'Editor’s own draft on moorings' })
    await create(editor, { headline: 'A colleague’s draft on buoys' })
    await create(contributor, { headline: 'A contributor’s draft on nets' })

    const response = await me.request({ url: '/api/admin/articles?status=draft&mine=true' })
    expect(response.statusCode, response.body).toBe(200)
    const page = response.json<{ items: { id: number }[]; total: number }>()
    expect(page.items.map((row) => row.id)).toEqual([own])
    expect(page.total).toBe((await dashboardOf(me)).myDrafts.total)
    const everyone = await me.request({ url: '/api/admin/articles?status=draft' })
    expect(everyone.json<{ total: number }>().total).toBeGreaterThan(page.total)
    const wrong = await me.request({ url: '/api/admin/articles?mine=yes' })
    expect(wrong.statusCode).toBe(400)
  })

  it('keeps each person’s interface language and answers it at sign-in and in the session', async () => {
    const account = await buildUser(store().db, 'author')
    const person = await signIn(app, account)
    const before = await person.request({ url: '/api/admin/session' })
    expect(before.json<{ user: { uiLanguage: string | null } }>().user.uiLanguage).toBeNull()

    const changed = await person.request({
      method: 'PATCH',
      url: '/api/admin/account',
      payload: { uiLanguage: 'ar', name: 'Salma Haddad' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ uiLanguage: 'ar', name: 'Salma Haddad' })

    const again = await app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email: account.email, password: TEST_PASSWORD },
    })
    expect(again.json()).toMatchObject({ user: { uiLanguage: 'ar', name: 'Salma Haddad' } })
    const session = await person.request({ url: '/api/admin/session' })
    expect(session.json()).toMatchObject({ user: { uiLanguage: 'ar' } })

    const wrong = await person.request({
      method: 'PATCH',
      url: '/api/admin/account',
      payload: { uiLanguage: 'fr' },
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json<{ errors: { property: string }[] }>().errors[0]?.property).toBe('uiLanguage')
  })

  it('pages the audit log and filters it by action and person, naming who acted', async () => {
    const admin = await signInAs(app, store().db, 'admin')
    const id = await create(editor, { headline: 'Audit trail piece' })
    await editor.request({
      method: 'POST',
      url: `/api/admin/articles/${id}/transitions`,
      payload: { action: 'submit' },
    })
    const filtered = await admin.request({
      url: `/api/admin/audit-log?action=article.submit&actorType=user&actorId=${editor.userId}`,
    })
    const page = filtered.json<{
      items: { action: string; entityId: string; actorName: string }[]
      total: number
    }>()
    expect(page.total).toBe(1)
    expect(page.items[0]).toMatchObject({
      action: 'article.submit',
      entityId: String(id),
      actorName: 'Test editor',
    })

    const first = await admin.request({ url: '/api/admin/audit-log?pageSize=2' })
    const second = await admin.request({ url: '/api/admin/audit-log?pageSize=2&page=2' })
    const firstPage = first.json<{ items: { id: number }[]; pageCount: number; total: number }>()
    expect(firstPage.items).toHaveLength(2)
    expect(firstPage.total).toBeGreaterThan(4)
    const secondIds = second.json<{ items: { id: number }[] }>().items.map((entry) => entry.id)
    expect(secondIds.some((entryId) => firstPage.items.some((entry) => entry.id === entryId))).toBe(
      false,
    )
  })
})
