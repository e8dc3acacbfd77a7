import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe } from 'vitest'
import { openStore, type DialectName, type Store } from '../../src/db/create-database.js'
import { migrateToLatest } from '../../src/db/migrate.js'

export const TEST_DIALECTS: readonly DialectName[] = ['sqlite', 'postgres']

/** The PostgreSQL server the tests create their throwaway databases on. */
export const TEST_POSTGRES_URL =
  process.env['MASTHEAD_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** A store on a new, empty database of its own, and how to throw it away. */
export interface TestStore extends Store {
  /** The configuration that opens the same database again (a second process, a second pool). */
  databaseConfig: Parameters<typeof openStore>[0]
  dispose(): Promise<void>
}

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** Opens an empty database of the given kind; `migrate: false` leaves it without tables. */
export async function createTestStore(
  dialect: DialectName,
  options: { migrate?: boolean } = {},
): Promise<TestStore> {
  let databaseConfig: TestStore['databaseConfig']
  let removeDatabase: () => Promise<void>
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'masthead-test-'))
    databaseConfig = { kind: 'sqlite', file: join(folder, 'test.sqlite') }
    removeDatabase = () => Promise.resolve(rmSync(folder, { recursive: true, force: true }))
  } else {
    const name = `masthead_test_${randomBytes(6).toString('hex')}`
    await withAdminClient((client) => client.query(`create database ${name}`))
    const url = new URL(TEST_POSTGRES_URL)
    url.pathname = `/${name}`
    databaseConfig = { kind: 'postgres', url: url.toString(), connectTimeoutMs: 5000 }
    removeDatabase = () =>
      withAdminClient((client) =>
        client.query(`drop database if exists ${name} with (force)`),
      ).then(() => undefined)
  }
  const store = await openStore(databaseConfig)
  if (options.migrate !== false) await migrateToLatest(store.db)
  return {
    ...store,
    databaseConfig,
    async dispose() {
      await store.close()
      await removeDatabase()
    },
  }
}

/**
 * Runs the same suite once on SQLite and once on PostgreSQL, each on a fresh migrated database:
 * `describeEachDatabase('articles', (store) => { it(…, () => store().db…) })`.
 */
export function describeEachDatabase(name: string, suite: (store: () => TestStore) => void): void {
  for (const dialect of TEST_DIALECTS) {
    describe(`${name} (${dialect})`, () => {
      let current: TestStore | undefined
      beforeAll(async () => {
        current = await createTestStore(dialect)
      })
      afterAll(async () => {
        await current?.dispose()
      })
      suite(() => {
        if (!current) throw new Error('the test database is not open yet')
        return current
      })
    })
  }
}
