import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTagService } from '../../../src/modules/tags/tag-service.js'
import { fixedClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, nextSequence, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { markRecordedChanges } from '../../helpers/recorded-changes.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface TagBody {
  id: number
  language: string
  name: string
  slug: string
  description?: string | null
}

const failureOf = (response: LightMyRequestResponse) => [
  response.statusCode,
  response.json<{ errors: { code: string }[] }>().errors[0]?.code,
]

describeEachDatabase('writing tags through the Admin API', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient
  let author: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
    author = await signInAs(app, store().db, 'author')
  })
  afterAll(() => app.close())

  async function createTag(client: NewsroomClient, name: string, language = 'en') {
    return client.request({ method: 'POST', url: '/api/admin/tags', payload: { language, name } })
  }

  it('creates a tag with one audit entry and one created event, for an author too', async () => {
    const recorded = await markRecordedChanges(store().db)
    const response = await createTag(author, `Harbours ${nextSequence()}`)
    expect(response.statusCode).toBe(201)
    const { id } = response.json<TagBody>()
    expect(await recorded()).toEqual({
      audit: [`tag.created tag ${id} user 127.0.0.1`],
      events: [`tag.created ${id}`],
    })
  })

  it('answers the tag already there for the same slug, and records nothing', async () => {
    const name = `Bridges ${nextSequence()}`
    const first = (await createTag(editor, name)).json<TagBody>()
    const recorded = await markRecordedChanges(store().db)
    const again = await createTag(editor, `  ${name.toUpperCase()} `)
    expect(again.statusCode).toBe(201)
    expect(again.json()).toEqual(first)
    expect(await recorded()).toEqual({ audit: [], events: [] })
  })

  it('renames a tag with one audit entry and one updated event', async () => {
    const { id } = (await createTag(editor, `Ports ${nextSequence()}`)).json<TagBody>()
    const recorded = await markRecordedChanges(store().db)
    const response = await editor.request({
      method: 'PATCH',
      url: `/api/admin/tags/${id}`,
      payload: { name: 'Seaports', description: 'Where ships dock' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ id, name: 'Seaports', description: 'Where ships dock' })
    expect(await recorded()).toEqual({
      audit: [`tag.updated tag ${id} user 127.0.0.1`],
      events: [`tag.updated ${id}`],
    })
  })

  it('deletes a tag with one audit entry and one deleted event', async () => {
    const { id } = (await createTag(editor, `Ferries ${nextSequence()}`)).json<TagBody>()
    const recorded = await markRecordedChanges(store().db)
    const response = await editor.request({ method: 'DELETE', url: `/api/admin/tags/${id}` })
    expect(response.statusCode).toBe(204)
    expect(await recorded()).toEqual({
      audit: [`tag.deleted tag ${id} user 127.0.0.1`],
      events: [`tag.deleted ${id}`],
    })
    const again = await markRecordedChanges(store().db)
    const gone = await editor.request({ method: 'DELETE', url: `/api/admin/tags/${id}` })
    expect(failureOf(gone)).toEqual([404, 'NOT_FOUND'])
    expect(await again()).toEqual({ audit: [], events: [] })
  })

  it('refuses a slug another tag has, a name without letters and an unknown edition, recording nothing', async () => {
    const taken = (await createTag(editor, `Canals ${nextSequence()}`)).json<TagBody>()
    const { id } = (await createTag(editor, `Locks ${nextSequence()}`)).json<TagBody>()
    const recorded = await markRecordedChanges(store().db)
    const clash = await editor.request({
      method: 'PATCH',
      url: `/api/admin/tags/${id}`,
      payload: { name: 'Renamed', slug: taken.slug },
    })
    expect(failureOf(clash)).toEqual([409, 'CONFLICT'])
    expect(failureOf(await createTag(editor, '!!!'))).toEqual([400, 'VALIDATION_FAILED'])
    expect(failureOf(await createTag(editor, 'Dams', 'fr'))).toEqual([409, 'CONFLICT'])
    expect(await recorded()).toEqual({ audit: [], events: [] })
    const unchanged = await editor.request({ method: 'GET', url: '/api/admin/tags?language=en' })
    const names = unchanged.json<{ items: TagBody[] }>().items.map((tag) => tag.name)
    expect(names).not.toContain('Renamed')
  })

  it('checks the permission itself: an author may create but not rename or delete', async () => {
    const tags = createTagService({
      db: store().db,
      clock: fixedClock(TEST_NOW),
      outbox: { deliver: () => Promise.resolve() },
    })
    const { id } = (await createTag(editor, `Piers ${nextSequence()}`)).json<TagBody>()
    const context = {
      actor: { kind: 'user', userId: author.userId, role: 'author', name: 'An author' },
      ipAddress: null,
    } as const
    const recorded = await markRecordedChanges(store().db)
    await expect(tags.update(context, id, { name: 'Jetties' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(tags.remove(context, id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await recorded()).toEqual({ audit: [], events: [] })
    expect((await tags.get(id)).name).toMatch(/^Piers/)
  })
})
