import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createLoggerOptions } from '../../../src/platform/logger.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection } from '../../helpers/factories.js'
import { signInAs } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface LogLine {
  msg?: string
  reqId?: string
  consumer?: string
}

describeEachDatabase('request ids', (store) => {
  const lines: string[] = []
  let app: FastifyInstance
  const parsed = () => lines.map((line) => JSON.parse(line) as LogLine)

  beforeAll(async () => {
    app = await createTestApp(store(), {
      // Nothing listens there: each publish's edge purge fails and is logged by its consumer.
      env: { MASTHEAD_PURGE_URL: 'http://127.0.0.1:9/purge' },
      logger: createLoggerOptions('info', { write: (line) => lines.push(line) }),
    })
    await buildEditions(store().db)
  })
  afterAll(async () => {
    await app.close()
  })

  it('keeps a sane incoming X-Request-Id, echoes it and logs the request under it once', async () => {
    const response = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-7f3a.9' } })
    expect(response.headers['x-request-id']).toBe('lb-7f3a.9')
    const mine = lines.filter((line) => line.includes('lb-7f3a.9'))
    expect(mine.length).toBeGreaterThanOrEqual(2)
    for (const line of mine) expect(line.match(/"reqId"/g)).toHaveLength(1)
  })

  it('makes a new id for a missing, overlong or unsafe one', async () => {
    const ids = new Set<string>()
    for (const incoming of [undefined, 'x'.repeat(200), 'bad id\nforged line', '<script>']) {
      const response = await app.inject({
        url: '/healthz',
        headers: incoming === undefined ? {} : { 'x-request-id': incoming },
      })
      const id = String(response.headers['x-request-id'])
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      ids.add(id)
    }
    expect(ids.size).toBe(4)
    expect(lines.join('')).not.toContain('forged line')
  })

  it('tags what services log during a request with its id', async () => {
    const slug = `obs-${Date.now()}`
    await buildSection(store().db, { slug })
    const editor = await signInAs(app, store().db, 'editor')
    const response = await editor.request({
      method: 'POST',
      url: '/api/admin/articles',
      headers: { 'x-request-id': 'publish-trace-42' },
      payload: {
        language: 'en',
        headline: 'Request ids reach the listeners',
        body: '<p>Text.</p>',
        section: slug,
        tags: ['Logs'],
        status: 'published',
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    await expect
      .poll(
        () =>
          parsed().find(
            (line) => line.msg === 'event consumer failed' && line.consumer === 'edge-purge',
          ),
        { timeout: 15_000 },
      )
      .toMatchObject({ reqId: 'publish-trace-42' })
  })
})
