import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

describeEachDatabase('writing redirects through the Admin API', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    app = await createTestApp(store(), { clock: manualClock(TEST_NOW) })
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(() => app.close())

  const tracked = <R>(write: () => Promise<R>) => trackWrite(store().db, write)
  const add = (payload: object) =>
    editor.request({ method: 'POST', url: '/api/admin/redirects', payload })

  it('adds, repoints and removes a redirect, each with one audit entry and no event', async () => {
    const added = await tracked(() => add({ fromPath: '/old-story', toPath: '/en/news/1-story' }))
    expect(added.response.statusCode).toBe(201)
    const { id } = added.response.json<{ id: number }>()
    expect(added.response.json()).toMatchObject({ toPath: '/en/news/1-story', statusCode: 301 })
    expect(added.audit).toEqual([
      {
        action: 'redirect.created',
        entityType: 'redirect',
        entityId: String(id),
        actorType: 'user',
        actorId: editor.userId,
      },
    ])
    expect(added.events).toEqual([])

    const repointed = await tracked(() =>
      add({ fromPath: '/old-story', toPath: '/en/news/2-story', statusCode: 308 }),
    )
    expect(repointed.response.json()).toMatchObject({ id, toPath: '/en/news/2-story' })
    expect(repointed.audit.map((entry) => entry.action)).toEqual(['redirect.created'])
    expect(repointed.events).toEqual([])

    const removed = await tracked(() =>
      editor.request({ method: 'DELETE', url: `/api/admin/redirects/${id}` }),
    )
    expect(removed.response.statusCode).toBe(204)
    expect(removed.audit.map((entry) => [entry.action, entry.entityId])).toEqual([
      ['redirect.deleted', String(id)],
    ])
    expect(removed.events).toEqual([])
  })

  it('leaves no audit entry for a redirect to itself or a missing one', async () => {
    const loop = await tracked(() => add({ fromPath: '/loop', toPath: '/loop' }))
    expect(loop.response.statusCode).toBe(400)
    expect(loop.response.json()).toMatchObject({
      errors: [{ code: 'VALIDATION_FAILED', property: 'toPath' }],
    })
    expect(loop).toMatchObject({ audit: [], events: [] })
    const missing = await tracked(() =>
      editor.request({ method: 'DELETE', url: '/api/admin/redirects/999999' }),
    )
    expect(missing.response.statusCode).toBe(404)
    expect(missing).toMatchObject({ audit: [], events: [] })
  })
})
