import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import type { Config } from './config/config.js'
import { openStore, type Store } from './db/create-database.js'
import { refreshPlannerStatistics } from './db/dialect-sql.js'
import { migrateToLatest } from './db/migrate.js'
import { systemClock } from './platform/clock.js'
import { createLoggerOptions } from './platform/logger.js'
import { createPageCache } from './page-cache/page-cache.js'
import { joinClusterWakeups } from './platform/outbox/cluster-wakeup.js'
import { listenForEvents, type EventWakeup } from './platform/outbox/event-wakeup.js'
import { createSmtpMailer } from './platform/mail/smtp-mailer.js'
import { createLocalMediaStorage, mediaFolderOf } from './platform/storage/local-media-storage.js'
import { prepareNewsroom } from './prepare-newsroom.js'

/** How long in-flight requests may take to finish after SIGTERM before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000

export interface RunningServer {
  app: FastifyInstance
  store: Store
  url: string
  /** From SIGTERM to closing the listener (MASTHEAD_SHUTDOWN_DELAY). */
  shutdownDelayMs: number
  close(): Promise<void>
}

/** Migrates the database and fills an empty one (demo, first admin); once per start. */
export async function prepareStore(
  config: Config,
  store: Store,
  print: (line: string) => void,
): Promise<void> {
  await migrateToLatest(store.db)
  await refreshPlannerStatistics(store.db)
  const storage = createLocalMediaStorage(mediaFolderOf(config.dataDir))
  const report = await prepareNewsroom({ db: store.db, config, storage, now: systemClock.now() })
  if (report.demo)
    print(
      `Loaded the demo newsroom: ${report.demo.articles} articles in ${report.demo.sections} sections.`,
    )
  if (report.firstAdmin) {
    const password = report.firstAdmin.generatedPassword
    print(
      `Created the first admin, ${report.firstAdmin.email}` +
        (password
          ? `, with the password ${password} (shown once: change it after signing in).`
          : '.'),
    )
  }
}

/** On PostgreSQL NOTIFY wakes the outbox reader at each commit; the timer is only a safety net. */
const POSTGRES_OUTBOX_POLL_MS = 2000

/**
 * Opens the store and listens. A single process (`isWorker` false) first migrates and prepares
 * the newsroom; a cluster worker leaves that to the primary, which did it before forking.
 */
export async function startServer(
  config: Config,
  print: (line: string) => void = console.log,
  options: { isWorker?: boolean } = {},
): Promise<RunningServer> {
  const startedAt = performance.now()
  const store = await openStore(config.database)
  let wakeup: EventWakeup | undefined
  // Workers on SQLite tell each other of their commits through the primary; on PostgreSQL the
  // commit's NOTIFY already wakes every process of every machine.
  let wakeOutbox: () => void = () => undefined
  const siblings =
    options.isWorker && config.database.kind === 'sqlite'
      ? joinClusterWakeups(() => wakeOutbox())
      : undefined
  try {
    if (!options.isWorker) await prepareStore(config, store, print)
    const storage = createLocalMediaStorage(mediaFolderOf(config.dataDir))
    const pageCache = createPageCache({
      maxBytes: config.pageCache.maxBytes,
      onCompressError: (error) => console.error('page compression failed:', error),
    })
    const app = await buildApp({
      config,
      store,
      clock: systemClock,
      storage,
      mailer: config.mail && createSmtpMailer(config.mail),
      logger: createLoggerOptions(config.logLevel),
      pageCache,
      outboxPollIntervalMs:
        config.database.kind === 'postgres' ? POSTGRES_OUTBOX_POLL_MS : undefined,
      announceEvents: siblings?.announce,
    })
    wakeOutbox = () => app.newsroom.outbox.wakeForSibling()
    if (config.database.kind === 'postgres')
      wakeup = await listenForEvents(
        config.database.url,
        () => app.newsroom.outbox.wake(),
        (error) => app.log.warn({ err: error }, 'outbox wake-up channel'),
      )
    await app.listen({ port: config.port, host: config.host })
    app.newsroom.startBackgroundWork()
    // After listening, so the edge refills from this build; it logs its own failures and does
    // not hold up the start.
    void app.newsroom.purgeEdgeOnAssetChange()
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`
    if (!options.isWorker)
      print(
        `Masthead is serving ${config.siteUrl} on ${url} (${store.dialect}), ready in ${Math.round(performance.now() - startedAt)} ms.`,
      )
    return {
      app,
      store,
      url,
      shutdownDelayMs: config.shutdownDelayMs,
      async close() {
        await wakeup?.close()
        siblings?.close()
        await app.close()
        await store.close()
      },
    }
  } catch (error) {
    siblings?.close()
    await wakeup?.close()
    await store.close()
    throw error
  }
}

/**
 * Closes gracefully on SIGTERM or SIGINT: /readyz answers 503 at once; after the configured delay
 * (time for load balancers to notice) stop accepting, finish requests and jobs in hand, close the
 * database.
 */
export function closeOnSignals(server: RunningServer): void {
  const delayMs = server.shutdownDelayMs
  const shutdown = (signal: string) => {
    server.app.log.info({ signal, delayMs }, 'shutting down')
    server.app.readiness.beginShutdown()
    const forced = setTimeout(() => process.exit(1), delayMs + SHUTDOWN_GRACE_MS)
    forced.unref()
    sleep(delayMs)
      .then(() => server.close())
      .then(
        () => {
          const jobs = server.app.newsroom.jobs.heartbeat()
          server.app.log.info({ isJobRunnerRunning: jobs.isRunning }, 'shut down')
          process.exit(0)
        },
        (error: unknown) => {
          server.app.log.error({ err: error }, 'shutdown failed')
          process.exit(1)
        },
      )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}
