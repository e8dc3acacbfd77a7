import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions } from '../../helpers/factories.js'
import {
  createTestStore,
  describeEachDatabase,
  type TestStore,
} from '../../helpers/test-databases.js'

/** The value of the sample whose line starts with `prefix` (name and labels), or undefined. */
function sampleValue(text: string, prefix: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(prefix + ' '))
  return line === undefined ? undefined : Number(line.slice(prefix.length + 1))
}

const PID = `pid="${process.pid}"`

describeEachDatabase('/metrics', (store) => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await createTestApp(store())
    await buildEditions(store().db)
  })
  afterAll(async () => {
    await app.close()
  })

  const scrape = async () => {
    const response = await app.inject({ url: '/metrics' })
    expect(response.statusCode).toBe(200)
    return response.body
  }

  it('answers loopback in the Prometheus text format, never from the page cache', async () => {
    const first = await app.inject({ url: '/metrics' })
    const second = await app.inject({ url: '/metrics' })
    for (const response of [first, second]) {
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8')
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.headers['x-cache']).toBeUndefined()
    }
    expect(second.body).toContain('# TYPE masthead_http_requests_total counter')
    expect(second.body).toContain('# TYPE masthead_http_request_duration_seconds histogram')
    for (const line of second.body.trimEnd().split('\n')) {
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? [-+\w.]+)$/)
    }
  })

  it('counts requests by route pattern and status, page-cache hits included', async () => {
    for (let i = 0; i < 3; i++) {
      const page = await app.inject({ url: `/en/tag/no-such-tag-${i}` })
      expect(page.statusCode).toBe(404)
    }
    const home = await app.inject({ url: '/en/' })
    expect(home.statusCode).toBe(200)
    const hit = await app.inject({ url: '/en/' })
    expect(hit.headers['x-cache']).toBe('HIT')
    const text = await scrape()
    expect(text).not.toContain('no-such-tag')
    expect(
      sampleValue(
        text,
        `masthead_http_requests_total{${PID},method="GET",route="/:lang/tag/:slug",status="404"}`,
      ),
    ).toBe(3)
    expect(
      sampleValue(
        text,
        `masthead_http_requests_total{${PID},method="GET",route="/:lang/",status="200"}`,
      ),
    ).toBe(2)
    expect(
      sampleValue(
        text,
        `masthead_http_request_duration_seconds_count{${PID},method="GET",route="/:lang/",status="200"}`,
      ),
    ).toBe(2)
    expect(
      sampleValue(
        text,
        `masthead_http_request_duration_seconds_bucket{${PID},method="GET",route="/:lang/",status="200",le="+Inf"}`,
      ),
    ).toBe(2)
    expect(sampleValue(text, `masthead_page_cache_hits_total{${PID}}`)).toBeGreaterThanOrEqual(1)
    expect(sampleValue(text, `masthead_page_cache_misses_total{${PID}}`)).toBeGreaterThanOrEqual(1)
    expect(sampleValue(text, `masthead_page_cache_entries{${PID}}`)).toBeGreaterThanOrEqual(1)
    expect(sampleValue(text, `masthead_page_cache_bytes{${PID}}`)).toBeGreaterThan(0)
    const unmatched = await app.inject({ url: '/nowhere/at/all/12345' })
    expect(unmatched.statusCode).toBe(404)
    const after = await scrape()
    expect(after).not.toContain('12345')
  })

  it('reports the database, the job queue by kind and state, and failed attempts', async () => {
    await app.newsroom.queue.enqueue({ kind: 'media.variants', payload: {}, maxAttempts: 1 })
    await app.newsroom.queue.enqueue({
      kind: 'webhook.deliver',
      payload: {},
      runAt: new Date('2100-01-01T00:00:00Z'),
    })
    await app.newsroom.jobs.runDueJobs()
    const text = await scrape()
    const dialect = store().dialect
    expect(sampleValue(text, `masthead_database_info{${PID},dialect="${dialect}"}`)).toBe(1)
    const total = sampleValue(text, `masthead_database_connections{${PID},state="total"}`) ?? 0
    if (dialect === 'sqlite') expect(total).toBe(1)
    else expect(total).toBeGreaterThanOrEqual(1)
    expect(sampleValue(text, `masthead_database_waiting_queries{${PID}}`)).toBe(0)
    expect(sampleValue(text, 'masthead_jobs{kind="media.variants",state="failed"}')).toBe(1)
    expect(sampleValue(text, 'masthead_jobs{kind="webhook.deliver",state="queued"}')).toBe(1)
    expect(sampleValue(text, `masthead_job_failures_total{${PID},kind="media.variants"}`)).toBe(1)
  })

  it('reports event-loop delay and memory', async () => {
    const text = await scrape()
    expect(sampleValue(text, `masthead_process_resident_memory_bytes{${PID}}`)).toBeGreaterThan(
      1_000_000,
    )
    expect(sampleValue(text, `masthead_process_heap_used_bytes{${PID}}`)).toBeGreaterThan(0)
    const p99 = sampleValue(text, `masthead_event_loop_delay_seconds{${PID},quantile="0.99"}`)
    expect(p99).toBeGreaterThanOrEqual(0)
    expect(p99).toBeLessThan(60)
  })

  it('refuses other addresses without the token', async () => {
    const response = await app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ errors: [{ code: 'FORBIDDEN' }] })
    expect(response.headers['cache-control']).toBe('no-store')
  })
})

describe('/metrics with a token and an address list', () => {
  const TOKEN = 'metrics-token-0123456789abcdef'
  let store: TestStore
  let app: FastifyInstance
  beforeAll(async () => {
    store = await createTestStore('sqlite')
    app = await createTestApp(store, {
      env: { MASTHEAD_METRICS_ALLOW: '10.1.0.0/16,2001:db8::/32', MASTHEAD_METRICS_TOKEN: TOKEN },
    })
  })
  afterAll(async () => {
    await app.close()
    await store.dispose()
  })

  it.each([
    ['10.1.200.7', undefined, 200],
    ['::ffff:10.1.0.1', undefined, 200],
    ['2001:db8::42', undefined, 200],
    ['10.2.0.1', undefined, 403],
    ['127.0.0.1', undefined, 403],
    ['203.0.113.9', `Bearer ${TOKEN}`, 200],
    ['203.0.113.9', `Bearer ${TOKEN}x`, 403],
    ['203.0.113.9', TOKEN, 403],
  ])('from %s with %s answers %i', async (remoteAddress, authorization, status) => {
    const response = await app.inject({
      url: '/metrics',
      remoteAddress,
      headers: authorization === undefined ? {} : { authorization },
    })
    expect(response.statusCode).toBe(status)
  })
})
