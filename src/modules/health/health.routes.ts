import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import type { Store } from '../../db/create-database.js'
import { isSchemaCurrent } from '../../db/migrate.js'
import type { JobRunner } from '../../jobs/job-runner.js'

/** A job runner whose last poll ended longer ago than this is stuck, or not running at all. */
export const JOBS_STALE_AFTER_MS = 30_000

/** Whether the process is on its way out: /readyz says so, so load balancers stop sending. */
export interface Readiness {
  readonly isShuttingDown: boolean
  beginShutdown(): void
}

declare module 'fastify' {
  interface FastifyInstance {
    readiness: Readiness
  }
}

/** The job runner polls, and its last poll ended recently. */
export function isJobRunnerAlive(jobs: Pick<JobRunner, 'heartbeat'>, now = Date.now()): boolean {
  const { isRunning, lastTickAt } = jobs.heartbeat()
  return isRunning && lastTickAt !== undefined && now - lastTickAt < JOBS_STALE_AFTER_MS
}

/**
 * `/healthz`: the process answers. `/readyz`: the database answers, its schema is current, the
 * job runner polls, and the process is not shutting down.
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  { store, jobs }: { store: Store; jobs: Pick<JobRunner, 'heartbeat'> },
): void {
  const readiness = {
    isShuttingDown: false,
    beginShutdown() {
      readiness.isShuttingDown = true
    },
  }
  app.decorate('readiness', readiness)
  app.addHook('preClose', (done) => {
    readiness.beginShutdown()
    done()
  })

  app.get('/healthz', { config: { access: 'public' } }, (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  )

  app.get('/readyz', { config: { access: 'public' } }, async (request, reply) => {
    const checks = {
      database: false,
      migrations: false,
      jobs: isJobRunnerAlive(jobs),
      shuttingDown: readiness.isShuttingDown,
    }
    try {
      await sql`select 1`.execute(store.db)
      checks.database = true
      checks.migrations = await isSchemaCurrent(store.db)
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed')
    }
    const isReady = checks.database && checks.migrations && checks.jobs && !checks.shuttingDown
    return reply
      .status(isReady ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: isReady ? 'ready' : 'not ready', checks })
  })
}
