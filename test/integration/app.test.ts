import Fastify, { type FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireDeclaredAccess } from '../../src/http/route-access.js'
import { createTestApp } from '../helpers/create-test-app.js'
import { describeEachDatabase } from '../helpers/test-databases.js'

describeEachDatabase('health and errors over HTTP', (store) => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await createTestApp(store())
  })
  afterAll(async () => {
    await app.close()
  })

  it('answers /healthz and /readyz with 200 when the database is migrated', async () => {
    const health = await app.inject({ url: '/healthz' })
    expect(health.statusCode).toBe(200)
    expect(health.headers['cache-control']).toBe('no-store')
    app.newsroom.startBackgroundWork()
    const ready = await app.inject({ url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: true, migrations: true, jobs: true, shuttingDown: false },
    })
  })

  it('answers /readyz with 503 while a migration is missing', async () => {
    const { db } = store()
    const [latest] = await sql<{
      name: string
      timestamp: string
    }>`select name, timestamp from kysely_migration order by name desc limit 1`
      .execute(db)
      .then((result) => result.rows)
    await sql`delete from kysely_migration where name = ${latest?.name ?? ''}`.execute(db)
    try {
      const ready = await app.inject({ url: '/readyz' })
      expect(ready.statusCode).toBe(503)
      expect(ready.json()).toMatchObject({ checks: { database: true, migrations: false } })
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${latest?.name ?? ''}, ${latest?.timestamp ?? ''})`.execute(
        db,
      )
    }
  })

  it('answers unknown API routes with the error format and a request id', async () => {
    const response = await app.inject({
      url: '/api/nowhere',
      headers: { 'x-request-id': 'trace-123' },
    })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({
      errors: [{ code: 'NOT_FOUND', message: 'No route for GET /api/nowhere' }],
    })
    expect(response.headers['x-request-id']).toBe('trace-123')
  })
})

describe('route access', () => {
  it('refuses to build an app with a route that declares no access', async () => {
    const app = Fastify()
    requireDeclaredAccess(app)
    expect(() => app.get('/open', () => 'anyone')).toThrow('route GET /open declares no access')
    await app.close()
  })

  it('accepts routes that declare their access', async () => {
    const app = Fastify()
    requireDeclaredAccess(app)
    app.get('/public', { config: { access: 'public' } }, () => 'anyone')
    app.get('/desk', { config: { access: { permission: 'pages.write' } } }, () => 'editors')
    await expect(app.ready()).resolves.toBeDefined()
    await app.close()
  })
})
