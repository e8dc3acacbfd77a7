import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import type { Store } from '../../db/create-database.js'
import { isSchemaCurrent } from '../../db/migrate.js'

/** `/healthz`: the process answers. `/readyz`: the database answers and its schema is current. */
export function registerHealthRoutes(app: FastifyInstance, { store }: { store: Store }): void {
  app.get('/healthz', { config: { access: 'public' } }, (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  )

  app.get('/readyz', { config: { access: 'public' } }, async (request, reply) => {
    const checks = { database: false, migrations: false }
    try {
      await sql`select 1`.execute(store.db)
      checks.database = true
      checks.migrations = await isSchemaCurrent(store.db)
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed')
    }
    const isReady = checks.database && checks.migrations
    return reply
      .status(isReady ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: isReady ? 'ready' : 'not ready', checks })
  })
}
