import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import { buildApp, type AppDependencies } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import { loadDemoContent } from '../../src/demo/load-demo.js'
import { fixedClock } from '../../src/platform/clock.js'
import { createSmtpMailer } from '../../src/platform/mail/smtp-mailer.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { buildEditions, TEST_NOW } from './factories.js'
import { createTestStore, type TestStore } from './test-databases.js'

export const TEST_SITE_URL = 'https://news.example'

/** The whole app with the demo newsroom loaded, as a reader would find it at TEST_NOW. */
export async function createDemoSite(
  store: TestStore,
  env: NodeJS.ProcessEnv = {},
  options: Partial<Pick<AppDependencies, 'clock'>> = {},
): Promise<FastifyInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-site-'))
  await buildEditions(store.db)
  await loadDemoContent(store.db, createLocalMediaStorage(mediaFolderOf(dataDir)), TEST_NOW)
  return buildSiteApp(store, { MASTHEAD_DATA_DIR: dataDir, ...env }, options)
}

/**
 * The whole app on a store as it is, e.g. a second app with other settings on the demo's store;
 * `options` sets what is no configuration, such as small sitemap files or another asset build.
 */
export function buildSiteApp(
  store: TestStore,
  env: NodeJS.ProcessEnv = {},
  options: Partial<Pick<AppDependencies, 'sitemapUrlLimit' | 'clock' | 'assets'>> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    MASTHEAD_DATA_DIR: mkdtempSync(join(tmpdir(), 'masthead-site-')),
    MASTHEAD_DEMO: '0',
    MASTHEAD_SITE_URL: TEST_SITE_URL,
    // Tests speak for many readers through X-Forwarded-For, as a local reverse proxy would.
    MASTHEAD_TRUST_PROXY: '127.0.0.1',
    // The clock stands still, so a limit's window would never end: tests of the limits turn
    // them on.
    MASTHEAD_API_RATE_LIMIT: '0',
    MASTHEAD_SEARCH_RATE_LIMIT: '0',
    ...env,
  })
  const storage = createLocalMediaStorage(mediaFolderOf(config.dataDir))
  const mailer = config.mail && createSmtpMailer(config.mail)
  return buildApp({
    config,
    store,
    storage,
    mailer,
    ...options,
    clock: options.clock ?? fixedClock(TEST_NOW),
  })
}

/**
 * Opens a SQLite demo site for the enclosing suite and closes it after:
 * `const site = useDemoSite(); … site().app.inject(…)`.
 */
export function useDemoSite(
  env: NodeJS.ProcessEnv = {},
): () => { store: TestStore; app: FastifyInstance } {
  let current: { store: TestStore; app: FastifyInstance } | undefined
  beforeAll(async () => {
    const store = await createTestStore('sqlite')
    current = { store, app: await createDemoSite(store, env) }
  })
  afterAll(async () => {
    await current?.app.close()
    await current?.store.dispose()
  })
  return () => {
    if (!current) throw new Error('the demo site is not open yet')
    return current
  }
}
