import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isJobRunnerAlive, JOBS_STALE_AFTER_MS } from '../../../src/modules/health/health.routes.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describeEachDatabase('/readyz', (store) => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await createTestApp(store())
  })
  afterAll(async () => {
    await app.close()
  })

  it('answers 503 until the job runner polls, then 200', async () => {
    const before = await app.inject({ url: '/readyz' })
    expect(before.statusCode).toBe(503)
    expect(before.json()).toEqual({
      status: 'not ready',
      checks: { database: true, migrations: true, jobs: false, shuttingDown: false },
    })
    app.newsroom.startBackgroundWork()
    const after = await app.inject({ url: '/readyz' })
    expect(after.statusCode).toBe(200)
    expect(after.headers['cache-control']).toBe('no-store')
    expect(after.json()).toEqual({
      status: 'ready',
      checks: { database: true, migrations: true, jobs: true, shuttingDown: false },
    })
  })

  it('answers 503 once the process is shutting down, while /healthz still answers', async () => {
    app.readiness.beginShutdown()
    const ready = await app.inject({ url: '/readyz' })
    expect(ready.statusCode).toBe(503)
    expect(ready.json()).toMatchObject({ checks: { shuttingDown: true, jobs: true } })
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
  })
})

describe('the job runner check', () => {
  const now = 1_000_000_000_000
  it.each([
    [true, now - 1000, true],
    [true, now - JOBS_STALE_AFTER_MS - 1, false],
    [true, undefined, false],
    [false, now, false],
  ])('running %s, last tick %s: alive %s', (isRunning, lastTickAt, expected) => {
    expect(isJobRunnerAlive({ heartbeat: () => ({ isRunning, lastTickAt }) }, now)).toBe(expected)
  })
})
