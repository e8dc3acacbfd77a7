import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSourceService } from '../../../src/modules/sources/source-service.js'
import { fixedClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSource, nextSequence, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { markRecordedChanges } from '../../helpers/recorded-changes.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const failureOf = (response: LightMyRequestResponse) => [
  response.statusCode,
  response.json<{ errors: { code: string }[] }>().errors[0]?.code,
]

describeEachDatabase('writing sources through the Admin API', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(() => app.close())

  const createSource = (slug: string) =>
    editor.request({
      method: 'POST',
      url: '/api/admin/sources',
      payload: { slug, name: { en: 'Gulf Wire', ar: 'وكالة الخليج' }, url: 'https://gulf.example' },
    })

  it('adds a source with one audit entry and one created event', async () => {
    const recorded = await markRecordedChanges(store().db)
    const response = await createSource(`gulf-${nextSequence()}`)
    expect(response.statusCode).toBe(201)
    const { id } = response.json<{ id: number }>()
    expect(await recorded()).toEqual({
      audit: [`source.created source ${id} user 127.0.0.1`],
      events: [`source.created ${id}`],
    })
  })

  it('changes a source with one audit entry and one updated event', async () => {
    const id = await buildSource(store().db)
    const recorded = await markRecordedChanges(store().db)
    const response = await editor.request({
      method: 'PATCH',
      url: `/api/admin/sources/${id}`,
      payload: { name: { en: 'Gulf Newswire' }, url: null },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ id, name: { en: 'Gulf Newswire' }, url: null })
    expect(await recorded()).toEqual({
      audit: [`source.updated source ${id} user 127.0.0.1`],
      events: [`source.updated ${id}`],
    })
  })

  it('refuses a slug another source has and a missing source, recording nothing', async () => {
    const slug = `taken-${nextSequence()}`
    await createSource(slug)
    const id = await buildSource(store().db)
    const recorded = await markRecordedChanges(store().db)
    expect(failureOf(await createSource(slug))).toEqual([409, 'CONFLICT'])
    const renamed = await editor.request({
      method: 'PATCH',
      url: `/api/admin/sources/${id}`,
      payload: { slug },
    })
    expect(failureOf(renamed)).toEqual([409, 'CONFLICT'])
    const missing = await editor.request({
      method: 'PATCH',
      url: '/api/admin/sources/999999',
      payload: { url: null },
    })
    expect(failureOf(missing)).toEqual([404, 'NOT_FOUND'])
    expect(await recorded()).toEqual({ audit: [], events: [] })
  })

  it('checks the permission itself: an author calling the service writes nothing', async () => {
    const sources = createSourceService({
      db: store().db,
      clock: fixedClock(TEST_NOW),
      outbox: { deliver: () => Promise.resolve() },
    })
    const id = await buildSource(store().db)
    const recorded = await markRecordedChanges(store().db)
    await expect(
      sources.update(
        { actor: { kind: 'user', userId: 1, role: 'author', name: 'An author' }, ipAddress: null },
        id,
        { url: null },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await recorded()).toEqual({ audit: [], events: [] })
    expect((await sources.get(id)).url).not.toBeNull()
  })
})
