import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { buildAdmin } from '../../src/admin-app/admin-build.js'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { Database, UserRole } from '../../src/db/database.js'
import { loadDemoContent } from '../../src/demo/load-demo.js'
import { hashPassword } from '../../src/modules/users/password.js'
import { createUser } from '../../src/modules/users/user-queries.js'
import { systemClock, type Clock } from '../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import type { MediaStorage } from '../../src/platform/storage/media-storage.js'
import { buildEditions } from '../helpers/factories.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'

/**
 * The newsroom app for a browser test: built afresh into a folder of its own (never older than
 * its sources, never read by other tests halfway through), over a SQLite demo newsroom. A test
 * adds its people and content to `store`, then `serve()`s the whole app on a random port.
 */
export interface NewsroomFixture {
  store: TestStore
  storage: MediaStorage
  serve(clock?: Clock): Promise<{ app: FastifyInstance; baseUrl: string }>
  close(): Promise<void>
}

export async function createNewsroomFixture(now = new Date()): Promise<NewsroomFixture> {
  const adminFolder = mkdtempSync(join(tmpdir(), 'masthead-admin-build-'))
  await buildAdmin(() => undefined, adminFolder)
  const store = await createTestStore('sqlite')
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-newsroom-'))
  await buildEditions(store.db)
  const storage = createLocalMediaStorage(mediaFolderOf(dataDir))
  await loadDemoContent(store.db, storage, now)
  let app: FastifyInstance | undefined
  return {
    store,
    storage,
    async serve(clock = systemClock) {
      const config = loadConfig({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' })
      app = await buildApp({ config, store, clock, storage, adminFolder })
      await app.listen({ port: 0, host: '127.0.0.1' })
      return { app, baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
    },
    async close() {
      await app?.close()
      await store.dispose()
    },
  }
}

/** Adds a newsroom account that signs in with its own password; answers its id. */
export async function addAccount(
  db: Kysely<Database>,
  account: { email: string; password: string; name: string; role: UserRole },
  now = new Date(),
): Promise<number> {
  const { password, ...rest } = account
  return createUser(db, { ...rest, passwordHash: await hashPassword(password) }, now)
}
