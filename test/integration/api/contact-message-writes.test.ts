import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../../src/modules/access/actor.js'
import { createContactService } from '../../../src/modules/contact/contact-service.js'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

describeEachDatabase('contact messages, from the form to the inbox', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store(), { clock: manualClock(TEST_NOW) })
    editor = await signInAs(app, store().db, 'editor')
    const contactPage = await editor.request({
      method: 'POST',
      url: '/api/admin/pages',
      payload: { language: 'en', slug: 'contact', title: 'Contact us', status: 'published' },
    })
    expect(contactPage.statusCode).toBe(201)
  })
  afterAll(() => app.close())

  const tracked = <R>(write: () => Promise<R>) => trackWrite(store().db, write)
  const submit = (fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/en/contact',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    })
  const newestMessageId = async () =>
    (
      await store()
        .db.selectFrom('contactMessages')
        .select('id')
        .orderBy('id', 'desc')
        .executeTakeFirst()
    )?.id

  it('stores a reader message without an audit entry or an event', async () => {
    const sent = await tracked(() =>
      submit({
        name: 'A Reader',
        email: 'reader@example.org',
        subject: 'A typo',
        message: 'Paragraph three says 2019.',
      }),
    )
    expect(sent.response.statusCode).toBe(200)
    expect(sent).toMatchObject({ audit: [], events: [] })
    const stored = await store()
      .db.selectFrom('contactMessages')
      .selectAll()
      .where('id', '=', (await newestMessageId()) ?? 0)
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ language: 'en', subject: 'A typo', readAt: null })
  })

  it('marks a message read and deletes it, each with one audit entry and no event', async () => {
    const id = (await newestMessageId()) ?? 0
    const read = await tracked(() =>
      editor.request({ method: 'POST', url: `/api/admin/contact-messages/${id}/read` }),
    )
    expect(read.response.statusCode).toBe(204)
    expect(read.audit).toEqual([
      {
        action: 'contact_message.updated',
        entityType: 'contact_message',
        entityId: String(id),
        actorType: 'user',
        actorId: editor.userId,
      },
    ])
    expect(read.events).toEqual([])
    const unread = await editor.request({
      method: 'GET',
      url: '/api/admin/contact-messages?unread=true',
    })
    expect(unread.json<{ items: { id: number }[] }>().items.map((item) => item.id)).not.toContain(
      id,
    )

    const deleted = await tracked(() =>
      editor.request({ method: 'DELETE', url: `/api/admin/contact-messages/${id}` }),
    )
    expect(deleted.response.statusCode).toBe(204)
    expect(deleted.audit.map((entry) => [entry.action, entry.entityId])).toEqual([
      ['contact_message.deleted', String(id)],
    ])
    expect(deleted.events).toEqual([])
  })

  it('leaves nothing behind for a bad form or a missing message', async () => {
    const before = await newestMessageId()
    const bad = await tracked(() =>
      submit({ name: 'A Reader', email: 'not-an-email', subject: 'x', message: 'y' }),
    )
    expect(bad.response.statusCode).toBe(400)
    expect(bad).toMatchObject({ audit: [], events: [] })
    expect(await newestMessageId()).toBe(before)
    const missing = await tracked(() =>
      editor.request({ method: 'POST', url: '/api/admin/contact-messages/999999/read' }),
    )
    expect(missing.response.statusCode).toBe(404)
    expect(missing).toMatchObject({ audit: [], events: [] })
  })

  it('refuses a message with an empty or malformed field from any caller', async () => {
    const contact = createContactService({
      db: store().db,
      clock: manualClock(TEST_NOW),
      outbox: { deliver: () => Promise.resolve() },
    })
    const before = await newestMessageId()
    await expect(
      contact.receive(
        { actor: systemActor, ipAddress: null },
        { language: 'en', name: '', email: 'reader@example.org', subject: 's', message: 'm' },
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', property: 'name' })
    expect(await newestMessageId()).toBe(before)
  })
})
