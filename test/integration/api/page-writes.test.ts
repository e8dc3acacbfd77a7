import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

describeEachDatabase('writing pages through the Admin API', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store(), { clock: manualClock(TEST_NOW) })
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(() => app.close())

  const tracked = <R>(write: () => Promise<R>) => trackWrite(store().db, write)

  const page = {
    language: 'en',
    slug: 'standards',
    title: 'Editorial standards',
    body: '<p>We correct our mistakes.</p>',
    status: 'draft',
  }

  it('creates, publishes, edits and deletes a page, each with one audit entry and its event', async () => {
    const created = await tracked(() =>
      editor.request({ method: 'POST', url: '/api/admin/pages', payload: page }),
    )
    expect(created.response.statusCode).toBe(201)
    const { id } = created.response.json<{ id: number }>()
    expect(created.audit).toEqual([
      {
        action: 'page.created',
        entityType: 'page',
        entityId: String(id),
        actorType: 'user',
        actorId: editor.userId,
      },
    ])
    expect(created.events).toEqual([`page.created ${id}`])

    const change = (payload: object) =>
      tracked(() => editor.request({ method: 'PATCH', url: `/api/admin/pages/${id}`, payload }))
    const published = await change({ status: 'published' })
    expect(published.response.json()).toMatchObject({ id, status: 'published' })
    expect(published.audit.map((entry) => entry.action)).toEqual(['page.published'])
    expect(published.events).toEqual([`page.published ${id}`])
    const edited = await change({ title: 'Our standards' })
    expect(edited.audit.map((entry) => entry.action)).toEqual(['page.updated'])
    expect(edited.events).toEqual([`page.updated ${id}`])
    const unpublished = await change({ status: 'draft' })
    expect(unpublished.audit.map((entry) => entry.action)).toEqual(['page.unpublished'])
    expect(unpublished.events).toEqual([`page.unpublished ${id}`])

    const deleted = await tracked(() =>
      editor.request({ method: 'DELETE', url: `/api/admin/pages/${id}` }),
    )
    expect(deleted.response.statusCode).toBe(204)
    expect(deleted.audit.map((entry) => entry.action)).toEqual(['page.deleted'])
    expect(deleted.events).toEqual([`page.deleted ${id}`])
  })

  it('leaves no audit entry and no event when a slug is taken or the page is missing', async () => {
    const first = await editor.request({
      method: 'POST',
      url: '/api/admin/pages',
      payload: { ...page, slug: 'about' },
    })
    expect(first.statusCode).toBe(201)
    const duplicate = await tracked(() =>
      editor.request({
        method: 'POST',
        url: '/api/admin/pages',
        payload: { ...page, slug: 'about' },
      }),
    )
    expect(duplicate.response.statusCode).toBe(409)
    expect(duplicate.response.json()).toMatchObject({ errors: [{ code: 'CONFLICT' }] })
    expect(duplicate).toMatchObject({ audit: [], events: [] })

    const other = await editor.request({
      method: 'POST',
      url: '/api/admin/pages',
      payload: { ...page, slug: 'masthead' },
    })
    const renamed = await tracked(() =>
      editor.request({
        method: 'PATCH',
        url: `/api/admin/pages/${other.json<{ id: number }>().id}`,
        payload: { slug: 'about' },
      }),
    )
    expect(renamed.response.statusCode).toBe(409)
    expect(renamed).toMatchObject({ audit: [], events: [] })

    const missing = await tracked(() =>
      editor.request({ method: 'DELETE', url: '/api/admin/pages/999999' }),
    )
    expect(missing.response.statusCode).toBe(404)
    expect(missing).toMatchObject({ audit: [], events: [] })
  })

  it('refuses an author, leaving nothing behind', async () => {
    const author = await signInAs(app, store().db, 'author')
    const refused = await tracked(() =>
      author.request({ method: 'POST', url: '/api/admin/pages', payload: { ...page, slug: 'x' } }),
    )
    expect(refused.response.statusCode).toBe(403)
    expect(refused).toMatchObject({ audit: [], events: [] })
  })
})
