import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config/config.js'
import type { Store } from '../../db/create-database.js'
import { AppError } from '../../errors/app-error.js'
import type { JobRunner } from '../../jobs/job-runner.js'
import type { PageCache } from '../../page-cache/page-cache.js'
import { createClusterMetrics } from './cluster-metrics.js'
import { createHttpMetrics } from './http-metrics.js'
import { createMetricsAccess } from './metrics-access.js'
import {
  databaseMetrics,
  jobFailureMetrics,
  jobQueueMetrics,
  pageCacheMetrics,
} from './newsroom-metrics.js'
import { createProcessMetrics } from './process-metrics.js'
import { formatPrometheusText, PROMETHEUS_CONTENT_TYPE, withLabels } from './prometheus-text.js'

/** Requests that matched no route share one label value, so stray URLs cannot grow the series. */
const UNMATCHED_ROUTE = '(unmatched)'

/**
 * Counts the requests the application answers by route pattern and status (page-cache hits
 * answered before it are in the cache's counters), and
 * serves `/metrics` to allowed addresses or the token's bearer. Each process labels its figures
 * with its pid; in a cluster the scraped worker gathers every worker's through the primary.
 */
export function registerMetrics(
  app: FastifyInstance,
  deps: {
    config: Pick<Config, 'metrics'>
    store: Pick<Store, 'db' | 'dialect' | 'pool'>
    pageCache: PageCache
    jobs: Pick<JobRunner, 'failedAttempts'>
  },
): void {
  const http = createHttpMetrics()
  const processMetrics = createProcessMetrics()
  const access = createMetricsAccess(deps.config.metrics)
  const pid = { pid: String(process.pid) }
  const collectLocal = () =>
    withLabels(
      [
        ...http.collect(),
        ...pageCacheMetrics(deps.pageCache),
        ...databaseMetrics(deps.store),
        ...jobFailureMetrics(deps.jobs),
        ...processMetrics.collect(),
      ],
      pid,
    )
  const clusterMetrics = createClusterMetrics(collectLocal)
  app.addHook('onClose', () => {
    clusterMetrics.close()
    processMetrics.close()
  })

  app.addHook('onResponse', (request, reply, done) => {
    http.observe({
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    })
    done()
  })

  app.get('/metrics', { config: { access: 'public' } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store')
    if (!access.isAllowed({ ip: request.ip, authorization: request.headers.authorization }))
      throw new AppError('FORBIDDEN', 'Metrics are for the configured addresses or token')
    // The pool is read before the queue's query, which would otherwise count as a waiting one.
    const parts = await clusterMetrics.gather()
    const queue = await jobQueueMetrics(deps.store.db)
    return reply
      .type(PROMETHEUS_CONTENT_TYPE)
      .send(formatPrometheusText([...parts.flat(), ...queue]))
  })
}
