import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

describeEachDatabase('registering webhooks through the Admin API', (store) => {
  let app: FastifyInstance
  let admin: NewsroomClient

  beforeAll(async () => {
    app = await createTestApp(store(), { clock: manualClock(TEST_NOW) })
    admin = await signInAs(app, store().db, 'admin')
  })
  afterAll(() => app.close())

  const tracked = <R>(write: () => Promise<R>) => trackWrite(store().db, write)
  const register = (payload: object) =>
    admin.request({ method: 'POST', url: '/api/admin/webhooks', payload })

  it('registers and removes a webhook, each with one audit entry and no event', async () => {
    const registered = await tracked(() =>
      register({ url: 'https://hooks.example/news', events: ['article.published'] }),
    )
    expect(registered.response.statusCode).toBe(201)
    const webhook = registered.response.json<{ id: number; secret: string }>()
    expect(webhook).toMatchObject({ events: ['article.published'], isActive: true })
    expect(webhook.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(registered.audit).toEqual([
      {
        action: 'webhook.created',
        entityType: 'webhook',
        entityId: String(webhook.id),
        actorType: 'user',
        actorId: admin.userId,
      },
    ])
    expect(registered.events).toEqual([])
    const row = await store()
      .db.selectFrom('webhooks')
      .select('createdBy')
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow()
    expect(row.createdBy).toBe(admin.userId)

    const removed = await tracked(() =>
      admin.request({ method: 'DELETE', url: `/api/admin/webhooks/${webhook.id}` }),
    )
    expect(removed.response.statusCode).toBe(204)
    expect(removed.audit.map((entry) => [entry.action, entry.entityId])).toEqual([
      ['webhook.deleted', String(webhook.id)],
    ])
    expect(removed.events).toEqual([])
  })

  it('leaves no audit entry for an unknown event name or a missing webhook', async () => {
    const unknown = await tracked(() =>
      register({ url: 'https://hooks.example/news', events: ['article.exploded'] }),
    )
    expect(unknown.response.statusCode).toBe(400)
    expect(unknown).toMatchObject({ audit: [], events: [] })
    const missing = await tracked(() =>
      admin.request({ method: 'DELETE', url: '/api/admin/webhooks/999999' }),
    )
    expect(missing.response.statusCode).toBe(404)
    expect(missing).toMatchObject({ audit: [], events: [] })
  })
})
