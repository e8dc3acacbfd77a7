import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import { fixedClock, type Clock } from '../../src/platform/clock.js'
import type { Mailer } from '../../src/platform/mail/mailer.js'
import type { WireLimits } from '../../src/modules/wires/fetch-wire-feed.js'
import type { ServerTimeouts } from '../../src/http/server-timeouts.js'
import type { AssetManifest } from '../../src/site/assets/asset-manifest.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { TEST_NOW } from './factories.js'
import type { TestStore } from './test-databases.js'

export interface TestAppOptions {
  clock?: Clock
  env?: NodeJS.ProcessEnv
  mailer?: Mailer
  fetch?: typeof fetch
  wireLimits?: WireLimits
  logger?: FastifyServerOptions['logger']
  assets?: AssetManifest
  streamHeartbeatMs?: number
  serverTimeouts?: ServerTimeouts
}

/** The whole app on a test store, for `app.inject()`; close it after the suite. */
export function createTestApp(
  store: Pick<TestStore, 'db' | 'dialect' | 'close'>,
  options: TestAppOptions = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    MASTHEAD_DATA_DIR: mkdtempSync(join(tmpdir(), 'masthead-app-')),
    MASTHEAD_DEMO: '0',
    MASTHEAD_SITE_URL: 'https://news.example',
    // The clock of most tests stands still, so a limit's window would never end: tests that are
    // about the limits turn them on.
    MASTHEAD_API_RATE_LIMIT: '0',
    MASTHEAD_SEARCH_RATE_LIMIT: '0',
    ...options.env,
  })
  const storage = createLocalMediaStorage(mediaFolderOf(config.dataDir))
  return buildApp({
    config,
    store: store,
    clock: options.clock ?? fixedClock(TEST_NOW),
    storage,
    mailer: options.mailer,
    fetch: options.fetch,
    wireLimits: options.wireLimits,
    logger: options.logger,
    assets: options.assets,
    streamHeartbeatMs: options.streamHeartbeatMs,
    serverTimeouts: options.serverTimeouts,
  })
}
