import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Validator } from '@seriousme/openapi-schema-validator'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { retryDelayMs } from '../../../src/jobs/job-runner.js'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

interface Delivery {
  headers: Record<string, string | string[] | undefined>
  body: string
}

describeEachDatabase('API tokens, webhooks, the content API and OpenAPI', (store) => {
  const clock = manualClock(TEST_NOW)
  let app: FastifyInstance
  let admin: NewsroomClient
  let sectionSlug: string
  let receiver: Server
  let receiverUrl: string
  const deliveries: Delivery[] = []
  let failuresLeft = 0

  beforeAll(async () => {
    await buildEditions(store().db)
    const sectionId = await buildSection(store().db)
    sectionSlug = (
      await store()
        .db.selectFrom('sectionTranslations')
        .select('slug')
        .where('sectionId', '=', sectionId)
        .where('language', '=', 'en')
        .executeTakeFirstOrThrow()
    ).slug
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString() })
        response.statusCode = failuresLeft-- > 0 ? 503 : 200
        response.end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
    app = await createTestApp(store(), { clock })
    admin = await signInAs(app, store().db, 'admin')
  })
  afterAll(async () => {
    await app.close()
    await new Promise((resolve) => receiver.close(resolve))
  })

  async function tokenWith(scopes: string[]): Promise<string> {
    const response = await admin.request({
      method: 'POST',
      url: '/api/admin/tokens',
      payload: { name: `integration ${scopes.join('+')}`, scopes },
    })
    expect(response.statusCode).toBe(201)
    return response.json<{ token: string }>().token
  }

  const asToken = (token: string) => ({ authorization: `Bearer ${token}` })

  /**
   * Waits until the webhooks consumer has queued this many deliveries of these events: it reads
   * the outbox behind the writer (writers do not wait for it), so a job run right after a write
   * could find nothing queued yet on a busy machine.
   */
  async function deliveriesQueued(events: string[], count: number): Promise<void> {
    await vi.waitFor(
      async () => {
        const rows = await store()
          .db.selectFrom('webhookDeliveries')
          .select('id')
          .where('event', 'in', events)
          .execute()
        expect(rows.length).toBeGreaterThanOrEqual(count)
      },
      { timeout: 20_000, interval: 20 },
    )
  }

  it('lets an integration create, schedule, publish, correct and unpublish with tokens alone', async () => {
    const reader = await tokenWith(['read'])
    const writer = await tokenWith(['write'])
    const publisher = await tokenWith(['publish'])
    const draft = {
      language: 'ar',
      headline: 'المجلس البلدي يقر ميزانية 2027',
      body: '<p>صوّت المجلس على الميزانية الجديدة.</p>',
      section: sectionSlug,
      tags: ['ميزانية'],
    }
    const refused = await app.inject({
      method: 'POST',
      url: '/api/admin/articles',
      headers: asToken(reader),
      payload: draft,
    })
    expect(refused.statusCode).toBe(403)
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/articles',
      headers: asToken(writer),
      payload: draft,
    })
    expect(created.statusCode).toBe(201)
    const { id } = created.json<{ id: number }>()
    const transition = (token: string, payload: object) =>
      app.inject({
        method: 'POST',
        url: `/api/admin/articles/${id}/transitions`,
        headers: asToken(token),
        payload,
      })
    expect((await transition(writer, { action: 'publish' })).statusCode).toBe(403)
    const at = new Date(clock.now().getTime() + 3_600_000).toISOString()
    expect((await transition(publisher, { action: 'schedule', scheduledAt: at })).statusCode).toBe(
      200,
    )
    expect((await transition(publisher, { action: 'publish' })).statusCode).toBe(200)
    const corrected = await app.inject({
      method: 'POST',
      url: `/api/admin/articles/${id}/notices`,
      headers: asToken(publisher),
      payload: { kind: 'clarification', text: 'أضيف توضيح حول موعد التصويت.' },
    })
    expect(corrected.statusCode).toBe(201)
    const visible = await app.inject({ method: 'GET', url: `/api/v1/articles/${id}` })
    expect(visible.statusCode).toBe(200)
    expect(visible.json<{ notices: { kind: string }[] }>().notices[0]?.kind).toBe('clarification')
    expect((await transition(publisher, { action: 'unpublish' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: `/api/v1/articles/${id}` })).statusCode).toBe(
      404,
    )
  })

  it('refuses a revoked token at once', async () => {
    const token = await tokenWith(['read'])
    const list = await admin.request({ method: 'GET', url: '/api/admin/tokens' })
    const { id } = list.json<{ items: { id: number; name: string }[] }>().items.at(-1) ?? { id: 0 }
    expect(JSON.stringify(list.json())).not.toContain(token)
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/articles', headers: asToken(token) }))
        .statusCode,
    ).toBe(200)
    expect(
      (await admin.request({ method: 'DELETE', url: `/api/admin/tokens/${id}` })).statusCode,
    ).toBe(204)
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/articles', headers: asToken(token) }))
        .statusCode,
    ).toBe(401)
  })

  it('records one audit entry for creating a token and for revoking it, none when refused', async () => {
    const created = await trackWrite(store().db, () =>
      admin.request({
        method: 'POST',
        url: '/api/admin/tokens',
        payload: { name: 'audited', scopes: ['read', 'write'] },
      }),
    )
    expect(created.response.statusCode).toBe(201)
    const { id } = created.response.json<{ id: number }>()
    const entry = {
      entityType: 'api_token',
      entityId: String(id),
      actorType: 'user',
      actorId: admin.userId,
    }
    expect(created.audit).toEqual([{ action: 'token.create', ...entry }])
    const badScope = await trackWrite(store().db, () =>
      admin.request({
        method: 'POST',
        url: '/api/admin/tokens',
        payload: { name: 'x', scopes: ['root'] },
      }),
    )
    expect([badScope.response.statusCode, badScope.audit]).toEqual([400, []])
    const revoke = () =>
      trackWrite(store().db, () =>
        admin.request({ method: 'DELETE', url: `/api/admin/tokens/${id}` }),
      )
    const revoked = await revoke()
    expect(revoked.response.statusCode).toBe(204)
    expect(revoked.audit).toEqual([{ action: 'token.revoke', ...entry }])
    const again = await revoke()
    expect([again.response.statusCode, again.audit]).toEqual([404, []])
    expect([...created.events, ...revoked.events]).toEqual([])
  })

  it('delivers signed webhooks and retries a failing receiver with growing delays', async () => {
    const registered = await admin.request({
      method: 'POST',
      url: '/api/admin/webhooks',
      payload: { url: receiverUrl, events: ['article.published'] },
    })
    const { id: webhookId, secret } = registered.json<{ id: number; secret: string }>()
    deliveries.length = 0
    failuresLeft = 2
    const editor = await signInAs(app, store().db, 'editor')
    const created = await editor.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline: 'Ferry timetable changes',
        body: '<p>New times.</p>',
        section: sectionSlug,
        status: 'published',
      },
    })
    const articleId = created.json<{ id: number }>().id
    await deliveriesQueued(['article.published'], 1)
    await app.newsroom.jobs.runDueJobs()
    expect(deliveries).toHaveLength(1)
    clock.advance(retryDelayMs(1))
    await app.newsroom.jobs.runDueJobs()
    expect(deliveries).toHaveLength(2)
    clock.advance(retryDelayMs(2))
    await app.newsroom.jobs.runDueJobs()
    expect(deliveries).toHaveLength(3)

    const last = deliveries[2]
    if (!last) throw new Error('no delivery')
    expect(JSON.parse(last.body)).toMatchObject({ event: 'article.published', id: articleId })
    const timestamp = String(last.headers['x-masthead-timestamp'])
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${last.body}`).digest('hex')}`
    expect(last.headers['x-masthead-signature']).toBe(expected)

    const log = await admin.request({
      method: 'GET',
      url: `/api/admin/webhooks/${webhookId}/deliveries`,
    })
    expect(log.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        event: 'article.published',
        status: 'delivered',
        attempts: 3,
        responseStatus: 200,
      }),
    ])
  })

  it('names the live story in the webhooks of its entries, a deleted one included', async () => {
    await admin.request({
      method: 'POST',
      url: '/api/admin/webhooks',
      payload: { url: receiverUrl, events: ['live_entry.created', 'live_entry.deleted'] },
    })
    deliveries.length = 0
    failuresLeft = 0
    const story = await admin.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        type: 'live',
        headline: 'Harbour festival: live',
        body: '<p>Boats and music all day.</p>',
        section: sectionSlug,
      },
    })
    const storyId = story.json<{ id: number }>().id
    const entry = await admin.request({
      method: 'POST',
      url: `/api/admin/articles/${storyId}/entries`,
      payload: { body: '<p>The parade has started.</p>' },
    })
    const entryId = entry.json<{ id: number }>().id
    await admin.request({
      method: 'DELETE',
      url: `/api/admin/articles/${storyId}/entries/${entryId}`,
    })
    await deliveriesQueued(['live_entry.created', 'live_entry.deleted'], 2)
    await app.newsroom.jobs.runDueJobs()
    // Deliveries run side by side, so they may arrive in either order.
    const bodies = deliveries
      .map((delivery) => JSON.parse(delivery.body) as { event: string })
      .sort((one, other) => one.event.localeCompare(other.event))
    expect(bodies).toEqual([
      expect.objectContaining({ event: 'live_entry.created', id: entryId, articleId: storyId }),
      expect.objectContaining({ event: 'live_entry.deleted', id: entryId, articleId: storyId }),
    ])
  })

  it('serves published content openly, with CORS and ETag revalidation', async () => {
    const editor = await signInAs(app, store().db, 'editor')
    const created = await editor.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline: 'Library reopens',
        body: '<p>Doors open at nine.</p>',
        section: sectionSlug,
        status: 'published',
      },
    })
    const article = created.json<{ id: number; url: string }>()
    const draft = await editor.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline: 'Unannounced plan',
        body: '<p>Secret.</p>',
        section: sectionSlug,
      },
    })
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/articles?language=en&pageSize=100',
    })
    expect(list.headers['access-control-allow-origin']).toBe('*')
    expect(list.headers['cache-control']).toContain('public')
    const ids = list.json<{ items: { id: number; url: string }[] }>().items.map((item) => item.id)
    expect(ids).toContain(article.id)
    expect(ids).not.toContain(draft.json<{ id: number }>().id)
    const byUrl = await app.inject({
      method: 'GET',
      url: `/api/v1/lookup?url=${encodeURIComponent(article.url)}`,
    })
    expect(byUrl.json<{ id: number; bodyHtml: string }>()).toMatchObject({ id: article.id })
    expect(byUrl.json()).not.toHaveProperty('version')
    const etag = String(byUrl.headers.etag)
    const again = await app.inject({
      method: 'GET',
      url: `/api/v1/lookup?url=${encodeURIComponent(article.url)}`,
      headers: { 'if-none-match': etag },
    })
    expect(again.statusCode).toBe(304)
    const search = await app.inject({
      method: 'GET',
      url: '/api/v1/search?language=en&q=libraries',
    })
    const hits = search.json<{
      items: { id: number; headline: { text: string; isMatch: boolean }[] }[]
    }>()
    expect(hits.items.map((hit) => hit.id)).toEqual([article.id])
    expect(hits.items[0]?.headline).toContainEqual({ text: 'Library', isMatch: true })
    const hidden = await app.inject({
      method: 'GET',
      url: '/api/v1/search?language=en&q=unannounced',
    })
    expect(hidden.json<{ items: unknown[] }>().items).toEqual([])
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/v1/articles' })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-methods']).toContain('GET')
  })

  it('publishes a valid OpenAPI 3.1 document listing every API route', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' })
    const document = response.json<{
      openapi: string
      paths: Record<string, Record<string, unknown>>
    }>()
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    )
    const routes = app.newsroom.routes
      .filter((route) => /^\/api\/(admin|v1)\//.test(route.url) && route.method !== 'OPTIONS')
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`)
    expect(routes.length).toBeGreaterThan(50)
    expect(documented.sort()).toEqual(
      expect.arrayContaining(routes.filter((r) => !r.includes('page-views'))),
    )
  })
})
