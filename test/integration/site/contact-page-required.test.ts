import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { parseHtml } from '../../helpers/html.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describeEachDatabase('the contact form needs a published contact page', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store(), { clock: manualClock(TEST_NOW) })
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(() => app.close())

  const reader = {
    name: 'A Reader',
    email: 'reader@example.org',
    subject: 'A typo',
    message: 'Paragraph three says 2019.',
  }
  const submit = () =>
    app.inject({
      method: 'POST',
      url: '/en/contact',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(reader).toString(),
    })
  const countMessages = async () =>
    Number(
      (
        await store()
          .db.selectFrom('contactMessages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const expectNotFoundPage = (response: Awaited<ReturnType<typeof submit>>) => {
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(parseHtml(response.body).querySelector('.contact-form')).toBeNull()
  }
  let pageId = 0

  it('answers the not-found page and stores nothing while there is no contact page', async () => {
    // More posts than the form's limit: none of them counts, and none is stored.
    for (let index = 0; index < 7; index++) expectNotFoundPage(await submit())
    expect(await countMessages()).toBe(0)
  })

  it('stores messages once the page is published, and limits them with a clear notice', async () => {
    const created = await editor.request({
      method: 'POST',
      url: '/api/admin/pages',
      payload: { language: 'en', slug: 'contact', title: 'Contact us', status: 'published' },
    })
    expect(created.statusCode).toBe(201)
    pageId = created.json<{ id: number }>().id
    for (let index = 1; index <= 5; index++) {
      const sent = await submit()
      expect(sent.statusCode).toBe(200)
      expect(parseHtml(sent.body).querySelector('.form-status--success')).not.toBeNull()
      expect(await countMessages()).toBe(index)
    }
    const limited = await submit()
    expect(limited.statusCode).toBe(429)
    expect(limited.headers['retry-after']).toBe('600')
    expect(parseHtml(limited.body).querySelector('.form-status--error')?.textContent).toContain(
      'try again later',
    )
    expect(await countMessages()).toBe(5)
  })

  it('answers the not-found page again once the page is unpublished, even to a limited address', async () => {
    const unpublished = await editor.request({
      method: 'PATCH',
      url: `/api/admin/pages/${pageId}`,
      payload: { status: 'draft' },
    })
    expect(unpublished.statusCode).toBe(200)
    expectNotFoundPage(await submit())
    expect(await countMessages()).toBe(5)
  })
})
