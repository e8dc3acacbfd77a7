import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { Store } from '../../db/create-database.js'
import type { JobRunner } from '../../jobs/job-runner.js'
import type { PageCache } from '../../page-cache/page-cache.js'
import type { MetricFamily } from './prometheus-text.js'

function single(
  name: string,
  help: string,
  type: 'counter' | 'gauge',
  value: number,
): MetricFamily {
  return { name, help, type, samples: [{ labels: {}, value }] }
}

/** The page cache of this process: its counters since start, and what it holds now. */
export function pageCacheMetrics(cache: PageCache): MetricFamily[] {
  const stats = cache.stats()
  return [
    single(
      'masthead_page_cache_hits_total',
      'Requests answered from the page cache.',
      'counter',
      stats.hits,
    ),
    single(
      'masthead_page_cache_misses_total',
      'Cacheable requests the page cache did not hold.',
      'counter',
      stats.misses,
    ),
    single(
      'masthead_page_cache_purged_total',
      'Entries removed by purges.',
      'counter',
      stats.purged,
    ),
    single('masthead_page_cache_entries', 'Pages held.', 'gauge', stats.entries),
    single(
      'masthead_page_cache_bytes',
      'Bytes held, every encoding counted.',
      'gauge',
      stats.bytes,
    ),
  ]
}

/** PostgreSQL's pool of this process; SQLite is one connection, reported as such. */
export function databaseMetrics(store: Pick<Store, 'dialect' | 'pool'>): MetricFamily[] {
  const { pool } = store
  const connections = pool
    ? [
        { labels: { state: 'total' }, value: pool.totalCount },
        { labels: { state: 'idle' }, value: pool.idleCount },
      ]
    : [
        { labels: { state: 'total' }, value: 1 },
        { labels: { state: 'idle' }, value: 0 },
      ]
  return [
    {
      name: 'masthead_database_info',
      help: 'The database behind this process (always 1).',
      type: 'gauge',
      samples: [{ labels: { dialect: store.dialect }, value: 1 }],
    },
    {
      name: 'masthead_database_connections',
      help: 'Connections of this process: all of them, and those idle (SQLite: one, never idle).',
      type: 'gauge',
      samples: connections,
    },
    single(
      'masthead_database_waiting_queries',
      'Queries waiting for a free connection of the pool (SQLite: 0).',
      'gauge',
      pool?.waitingCount ?? 0,
    ),
  ]
}

/** Jobs in the queue (the whole database) by kind and state; finished ones are not counted. */
export async function jobQueueMetrics(db: Kysely<Database>): Promise<MetricFamily[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('total')])
    .where('status', 'in', ['queued', 'running', 'failed'])
    .groupBy(['kind', 'status'])
    .orderBy('kind')
    .orderBy('status')
    .execute()
  return [
    {
      name: 'masthead_jobs',
      help: 'Jobs in the queue by kind and state (queued, running, failed: gave up).',
      type: 'gauge',
      samples: rows.map((row) => ({
        labels: { kind: row.kind, state: row.status },
        value: Number(row.total),
      })),
    },
  ]
}

/** The job attempts that failed in this process since it started. */
export function jobFailureMetrics(runner: Pick<JobRunner, 'failedAttempts'>): MetricFamily[] {
  return [
    {
      name: 'masthead_job_failures_total',
      help: 'Failed job attempts in this process, by kind (each retry counts).',
      type: 'counter',
      samples: [...runner.failedAttempts()].map(([kind, value]) => ({ labels: { kind }, value })),
    },
  ]
}
