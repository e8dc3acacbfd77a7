import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import { fixedClock } from '../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { TEST_NOW } from './factories.js'
import type { TestStore } from './test-databases.js'

/** The whole app on a test store, for `app.inject()`; close it after the suite. */
export function createTestApp(store: TestStore): Promise<FastifyInstance> {
  const config = loadConfig({
    MASTHEAD_DATA_DIR: mkdtempSync(join(tmpdir(), 'masthead-app-')),
    MASTHEAD_DEMO: '0',
  })
  const storage = createLocalMediaStorage(mediaFolderOf(config.dataDir))
  return buildApp({ config, store, clock: fixedClock(TEST_NOW), storage })
}
