import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { registerRequestId, requestIdOf } from '../src/http/request-id.js'
import { createJobRunner } from '../src/jobs/job-runner.js'
import { registerMetrics } from '../src/modules/metrics/metrics.routes.js'
import { systemClock } from '../src/platform/clock.js'
import { createPageCache } from '../src/page-cache/page-cache.js'
import { measure, report } from './measure.js'

/** A Fastify app with one small route, and optionally the request-id and metrics hooks. */
async function appWith(
  isObserved: boolean,
  store: Awaited<ReturnType<typeof openStore>>,
): Promise<FastifyInstance> {
  const app = Fastify({ requestIdHeader: false, genReqId: requestIdOf })
  if (isObserved) {
    registerRequestId(app)
    registerMetrics(app, {
      config: { metrics: { allow: ['127.0.0.0/8'], token: undefined } },
      store,
      pageCache: createPageCache({ maxBytes: 1024 * 1024 }),
      jobs: createJobRunner({ db: store.db, clock: systemClock, handlers: [] }),
    })
  }
  app.get('/:lang/item/:id', { config: { access: 'public' } }, () => ({ ok: true }))
  // A hundred route patterns, as many as the site and APIs have, for the scrape's series.
  for (let route = 0; route < 100; route++)
    app.get(`/r${route}/:status`, { config: { access: 'public' } }, (request, reply) =>
      reply.status(Number((request.params as { status: string }).status)).send(''),
    )
  await app.ready()
  return app
}

/**
 * The cost of observability per request (a small route with and without the request-id and
 * metrics hooks), and of a scrape with 500 route × status series, against one small request.
 */
export async function benchMetrics(): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-bench-metrics-'))
  const store = await openStore({ kind: 'sqlite', file: join(folder, 'bench.sqlite') })
  try {
    await migrateToLatest(store.db)
    const bare = await appWith(false, store)
    const observed = await appWith(true, store)
    let n = 0
    const request = (app: FastifyInstance) => () => app.inject({ url: `/en/item/${n++ % 1000}` })
    // Each measured twice, the first time to warm up: the first case measured runs colder.
    await measure('warm-up', request(bare))
    await measure('warm-up', request(observed))
    const baseline = await measure('small request, no hooks', request(bare), { rounds: 11 })
    const withHooks = await measure('small request, request id + metrics', request(observed), {
      rounds: 11,
    })
    for (let status = 200; status < 205; status++)
      for (let route = 0; route < 100; route++)
        await observed.inject({ url: `/r${route}/${status}` })
    const scrape = await measure('GET /metrics (500 route × status series)', () =>
      observed.inject({ url: '/metrics' }),
    )
    await bare.close()
    await observed.close()
    return [report(baseline, withHooks), report(baseline, scrape)]
  } finally {
    await store.close()
    rmSync(folder, { recursive: true, force: true })
  }
}
