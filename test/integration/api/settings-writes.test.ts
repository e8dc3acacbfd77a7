import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

describeEachDatabase('changing the site settings through the Admin API', (store) => {
  let app: FastifyInstance
  let admin: NewsroomClient

  beforeAll(async () => {
    app = await createTestApp(store(), { clock: manualClock(TEST_NOW) })
    admin = await signInAs(app, store().db, 'admin')
  })
  afterAll(() => app.close())

  const tracked = <R>(write: () => Promise<R>) => trackWrite(store().db, write)
  const change = (client: NewsroomClient, payload: object) =>
    client.request({ method: 'PATCH', url: '/api/admin/settings', payload })

  it('stores a change with one audit entry naming the keys and one settings event', async () => {
    const changed = await tracked(() =>
      change(admin, { timeZone: 'Asia/Amman', colors: { accent: '#123456' } }),
    )
    expect(changed.response.statusCode).toBe(200)
    expect(changed.response.json()).toMatchObject({
      timeZone: 'Asia/Amman',
      colors: { accent: '#123456' },
    })
    expect(changed.audit).toEqual([
      {
        action: 'settings.updated',
        entityType: 'settings',
        entityId: '0',
        actorType: 'user',
        actorId: admin.userId,
      },
    ])
    expect(changed.events).toEqual(['settings.updated 0'])
    const { details } = await store()
      .db.selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'settings.updated')
      .executeTakeFirstOrThrow()
    const stored = (typeof details === 'string' ? JSON.parse(details) : details) as {
      keys: string[]
    }
    expect(stored.keys.sort()).toEqual(['colors', 'timeZone'])
  })

  it('keeps the settings a change does not name', async () => {
    expect((await change(admin, { digitsStyle: 'arab' })).statusCode).toBe(200)
    const changed = await change(admin, { isFeedFullContent: true })
    expect(changed.json()).toMatchObject({
      digitsStyle: 'arab',
      isFeedFullContent: true,
      timeZone: 'Asia/Amman',
    })
  })

  it('leaves no audit entry and no event for a bad value or an editor', async () => {
    const bad = await tracked(() => change(admin, { timeZone: 'Mars/Olympus' }))
    expect(bad.response.statusCode).toBe(400)
    expect(bad).toMatchObject({ audit: [], events: [] })
    const editor = await signInAs(app, store().db, 'editor')
    const refused = await tracked(() => change(editor, { digitsStyle: 'latn' }))
    expect(refused.response.statusCode).toBe(403)
    expect(refused).toMatchObject({ audit: [], events: [] })
    const settings = await admin.request({ method: 'GET', url: '/api/admin/settings' })
    expect(settings.json()).toMatchObject({ timeZone: 'Asia/Amman', digitsStyle: 'arab' })
  })
})
