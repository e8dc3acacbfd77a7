import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import type { Config } from './config/config.js'
import { openStore, type Store } from './db/create-database.js'
import { migrateToLatest } from './db/migrate.js'
import { systemClock } from './platform/clock.js'
import { createSmtpMailer } from './platform/mail/smtp-mailer.js'
import { createLocalMediaStorage, mediaFolderOf } from './platform/storage/local-media-storage.js'
import { prepareNewsroom } from './prepare-newsroom.js'

/** How long in-flight requests may take to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000

export interface RunningServer {
  app: FastifyInstance
  store: Store
  url: string
  close(): Promise<void>
}

/** Opens and migrates the store, prepares the newsroom, and listens. */
export async function startServer(
  config: Config,
  print: (line: string) => void = console.log,
): Promise<RunningServer> {
  const startedAt = performance.now()
  const store = await openStore(config.database)
  try {
    await migrateToLatest(store.db)
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
    const app = await buildApp({
      config,
      store,
      clock: systemClock,
      storage,
      mailer: config.mail && createSmtpMailer(config.mail),
      logger: { level: config.logLevel },
    })
    await app.listen({ port: config.port, host: config.host })
    app.newsroom.startBackgroundWork()
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`
    print(
      `Masthead is serving ${config.siteUrl} on ${url} (${store.dialect}), ready in ${Math.round(performance.now() - startedAt)} ms.`,
    )
    return {
      app,
      store,
      url,
      async close() {
        await app.close()
        await store.close()
      },
    }
  } catch (error) {
    await store.close()
    throw error
  }
}

/** Closes gracefully on SIGTERM or SIGINT: stop accepting, finish requests, close the database. */
export function closeOnSignals(server: RunningServer): void {
  const shutdown = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down')
    const forced = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS)
    forced.unref()
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}
