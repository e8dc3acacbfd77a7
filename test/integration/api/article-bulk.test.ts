import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface BulkAnswer {
  results: (
    | { id: number; outcome: 'done'; status: string | null }
    | { id: number; outcome: 'failed'; error: { code: string; message: string } }
  )[]
}

describeEachDatabase('bulk actions on articles', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient
  let author: NewsroomClient
  let contributor: NewsroomClient
  let sectionId: number

  beforeAll(async () => {
    await buildEditions(store().db)
    sectionId = await buildSection(store().db)
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
    author = await signInAs(app, store().db, 'author')
    contributor = await signInAs(app, store().db, 'contributor')
  })
  afterAll(() => app.close())

  async function draftBy(
    client: NewsroomClient,
    headline = 'Ferry timetable changes',
  ): Promise<number> {
    const response = await client.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: { language: 'en', headline, body: '<p>Text.</p>', section: sectionId, tags: [] },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<{ id: number }>().id
  }
  const bulk = (client: NewsroomClient, action: string, ids: number[]) =>
    client.request({ method: 'POST', url: '/api/admin/articles/bulk', payload: { action, ids } })
  const statusOf = async (id: number) =>
    (
      await store()
        .db.selectFrom('articles')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirst()
    )?.status

  it('publishes each selected article and reports one result per article', async () => {
    const [first, second] = [await draftBy(editor), await draftBy(author)]
    const response = await bulk(editor, 'publish', [first, second])
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json<BulkAnswer>().results).toEqual([
      { id: first, outcome: 'done', status: 'published' },
      { id: second, outcome: 'done', status: 'published' },
    ])
    expect([await statusOf(first), await statusOf(second)]).toEqual(['published', 'published'])
    const revisions = await editor.request({ url: `/api/admin/articles/${first}/revisions` })
    expect(revisions.json<{ items: unknown[] }>().items).toHaveLength(2)
  })

  it('carries on past an article that cannot move, reporting why, row by row', async () => {
    const draft = await draftBy(editor)
    const published = await draftBy(editor)
    await bulk(editor, 'publish', [published])
    const response = await bulk(editor, 'unpublish', [draft, published, 999_999])
    expect(response.json<BulkAnswer>().results).toMatchObject([
      { id: draft, outcome: 'failed', error: { code: 'ILLEGAL_TRANSITION' } },
      { id: published, outcome: 'done', status: 'unpublished' },
      { id: 999_999, outcome: 'failed', error: { code: 'NOT_FOUND' } },
    ])
    expect(await statusOf(draft)).toBe('draft')
    expect(await statusOf(published)).toBe('unpublished')
  })

  it('lets an author act on their own articles only: someone else’s is not found', async () => {
    const own = await draftBy(author)
    const others = await draftBy(editor)
    const response = await bulk(author, 'delete', [own, others])
    expect(response.json<BulkAnswer>().results).toMatchObject([
      { id: own, outcome: 'done', status: null },
      { id: others, outcome: 'failed', error: { code: 'NOT_FOUND' } },
    ])
    expect(await statusOf(own)).toBeUndefined()
    expect(await statusOf(others)).toBe('draft')
  })

  it('refuses a contributor’s bulk publish as a whole and changes nothing', async () => {
    const own = await draftBy(contributor)
    const response = await bulk(contributor, 'publish', [own])
    expect(response.statusCode).toBe(403)
    expect(response.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe('FORBIDDEN')
    expect(await statusOf(own)).toBe('draft')
  })

  describe('input', () => {
    it('answers 400 naming the field for an unknown action or an empty selection', async () => {
      const unknown = await bulk(editor, 'archive', [1])
      expect(unknown.statusCode).toBe(400)
      expect(unknown.json<{ errors: { property: string }[] }>().errors[0]?.property).toBe('action')
      const empty = await bulk(editor, 'publish', [])
      expect(empty.statusCode).toBe(400)
      expect(empty.json<{ errors: { property: string }[] }>().errors[0]?.property).toBe('ids')
    })

    it('acts once on an article selected twice', async () => {
      const id = await draftBy(editor)
      const response = await bulk(editor, 'publish', [id, id])
      expect(response.json<BulkAnswer>().results).toEqual([
        { id, outcome: 'done', status: 'published' },
      ])
    })
  })
})
