import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { markRecordedChanges } from '../../helpers/recorded-changes.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface Listed {
  id: number
  parentId: number | null
  position: number
}

describeEachDatabase('arranging the section tree', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient
  let ids: { news: number; world: number; sport: number; culture: number; opinion: number }

  beforeAll(async () => {
    const db = store().db
    await buildEditions(db)
    const news = await buildSection(db, { position: 0 })
    const world = await buildSection(db, { parentId: news, position: 0 })
    const sport = await buildSection(db, { position: 1 })
    const opinion = await buildSection(db, { position: 2 })
    const culture = await buildSection(db, { position: 3 })
    ids = { news, world, sport, culture, opinion }
    app = await createTestApp(store(), { clock: manualClock(TEST_NOW) })
    editor = await signInAs(app, db, 'editor')
  })
  afterAll(() => app.close())

  const arrange = (client: NewsroomClient, items: unknown) =>
    client.request({ method: 'PUT', url: '/api/admin/sections/order', payload: { items } })

  it('moves, re-parents and renumbers in one request, and the list follows', async () => {
    const { news, world, sport, culture, opinion } = ids
    const recorded = await markRecordedChanges(store().db)
    const response = await arrange(editor, [
      { id: sport, parentId: null },
      { id: news, parentId: null },
      { id: culture, parentId: news },
      { id: world, parentId: news },
      { id: opinion, parentId: null },
    ])
    expect(response.statusCode).toBe(200)
    const listed = response.json<{ items: Listed[] }>().items
    expect(listed.map(({ id, parentId, position }) => [id, parentId, position])).toEqual([
      [sport, null, 0],
      [news, null, 1],
      [culture, news, 0],
      [world, news, 1],
      [opinion, null, 2],
    ])
    // One audit entry for the arrangement; an event for each section whose parent or rank
    // changed: opinion stayed third.
    expect(await recorded()).toEqual({
      audit: ['section.arranged section tree user 127.0.0.1'],
      events: [sport, news, culture, world].map((id) => `section.updated ${id}`),
    })
    const entry = await store()
      .db.selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'section.arranged')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(entry.details)).toMatchObject({ sectionIds: [sport, news, culture, world] })
  })

  it('refuses a cycle, a missing section and an unknown parent, naming the item', async () => {
    const { news, world, sport, culture, opinion } = ids
    const recorded = await markRecordedChanges(store().db)
    const cycle = await arrange(editor, [
      { id: news, parentId: world },
      { id: world, parentId: news },
      { id: sport, parentId: null },
      { id: culture, parentId: null },
      { id: opinion, parentId: null },
    ])
    expect(cycle.statusCode).toBe(400)
    expect(cycle.json()).toMatchObject({
      errors: [{ code: 'VALIDATION_FAILED', property: 'items.0.parentId' }],
    })
    const missing = await arrange(editor, [{ id: news, parentId: null }])
    expect(missing.json()).toMatchObject({ errors: [{ property: 'items' }] })
    const unknownParent = await arrange(editor, [
      { id: news, parentId: 999_999 },
      { id: world, parentId: news },
      { id: sport, parentId: null },
      { id: culture, parentId: null },
      { id: opinion, parentId: null },
    ])
    expect(unknownParent.json()).toMatchObject({ errors: [{ property: 'items.0.parentId' }] })
    const listed = (await editor.request({ method: 'GET', url: '/api/admin/sections' })).json<{
      items: Listed[]
    }>().items
    expect(listed.map((section) => section.id)).toEqual([sport, news, culture, world, opinion])
    expect(await recorded()).toEqual({ audit: [], events: [] })
  })

  it('is for editors: an author may not rearrange', async () => {
    const author = await signInAs(app, store().db, 'author')
    const response = await arrange(author, [])
    expect(response.statusCode).toBe(403)
  })
})
