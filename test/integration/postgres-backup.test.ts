import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { isSchemaCurrent } from '../../src/db/migrate.js'
import { openStore } from '../../src/db/create-database.js'
import { loadDemoContent } from '../../src/demo/load-demo.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { buildEditions, TEST_NOW } from '../helpers/factories.js'
import { createTestStore, TEST_POSTGRES_URL, type TestStore } from '../helpers/test-databases.js'

const run = promisify(execFile)

/** Every row of every table of a PostgreSQL database, sorted, to compare two databases. */
async function dumpTables(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    )
    const dump: Record<string, string[]> = {}
    for (const { name } of tables) {
      const { rows } = await client.query(`select * from "${name}"`)
      dump[name] = rows.map((row) => JSON.stringify(row)).sort()
    }
    return dump
  } finally {
    await client.end()
  }
}

function urlOf(database: string): string {
  const url = new URL(TEST_POSTGRES_URL)
  url.pathname = `/${database}`
  return url.toString()
}

let store: TestStore
const restoredName = `masthead_restored_${randomBytes(6).toString('hex')}`
let lastMessageId: number

const letter = (name: string) => ({
  language: 'en',
  name,
  email: 'reader@example.org',
  subject: 'Check',
  message: `Written by ${name}.`,
  createdAt: TEST_NOW.toISOString(),
})

beforeAll(async () => {
  store = await createTestStore('postgres')
  await buildEditions(store.db)
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-pg-backup-'))
  await loadDemoContent(store.db, createLocalMediaStorage(mediaFolderOf(dataDir)), TEST_NOW)
  ;({ id: lastMessageId } = await store.db
    .insertInto('contactMessages')
    .values(letter('Before the dump'))
    .returning('id')
    .executeTakeFirstOrThrow())
}, 120_000)

afterAll(async () => {
  await store?.dispose()
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await admin.connect()
  await admin.query(`drop database if exists ${restoredName} with (force)`)
  await admin.end()
})

// The procedure of docs/operations.md, step by step: pg_dump in the custom format, a new empty
// database, pg_restore into it.
it('restores a pg_dump of a live site into a new database, table for table', async () => {
  if (store.databaseConfig.kind !== 'postgres') throw new Error('expected PostgreSQL')
  const sourceUrl = store.databaseConfig.url
  const dumpFile = join(mkdtempSync(join(tmpdir(), 'masthead-pg-dump-')), 'masthead.dump')
  await run('pg_dump', ['--format=custom', '--no-owner', `--file=${dumpFile}`, sourceUrl])

  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await admin.connect()
  await admin.query(`create database ${restoredName}`)
  await admin.end()
  await run('pg_restore', [
    '--no-owner',
    '--exit-on-error',
    `--dbname=${urlOf(restoredName)}`,
    dumpFile,
  ])

  const source = await dumpTables(sourceUrl)
  const restored = await dumpTables(urlOf(restoredName))
  expect(Object.keys(source)).toContain('articles')
  expect(source['articles']?.length).toBeGreaterThan(0)
  expect(restored).toEqual(source)

  // The copy is a working Masthead database: its schema is current, and new rows get new ids
  // (the sequences came along).
  const copy = await openStore({
    kind: 'postgres',
    url: urlOf(restoredName),
    connectTimeoutMs: 5000,
  })
  try {
    expect(await isSchemaCurrent(copy.db)).toBe(true)
    const { id } = await copy.db
      .insertInto('contactMessages')
      .values(letter('After the restore'))
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(id).toBe(lastMessageId + 1)
  } finally {
    await copy.close()
  }
}, 120_000)
