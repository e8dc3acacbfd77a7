import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it, describe } from 'vitest'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'

const WRITES_PER_WRITER = 150

const WRITER_SCRIPT = fileURLToPath(
  new URL('../helpers/workers/sqlite-burst-writer.ts', import.meta.url),
)

async function runWriter(file: string, writer: string): Promise<{ ok: boolean; message?: string }> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    WRITER_SCRIPT,
    file,
    String(WRITES_PER_WRITER),
    writer,
  ])
  return JSON.parse(stdout) as { ok: boolean; message?: string }
}

describe('SQLite under two concurrent writers', () => {
  let store: TestStore
  beforeAll(async () => {
    store = await createTestStore('sqlite')
  })
  afterAll(async () => {
    await store.dispose()
  })

  it('commits every transaction of a short burst from two processes without SQLITE_BUSY', async () => {
    if (store.databaseConfig.kind !== 'sqlite') throw new Error('expected a SQLite store')
    const results = await Promise.all([
      runWriter(store.databaseConfig.file, 'writer-a'),
      runWriter(store.databaseConfig.file, 'writer-b'),
    ])
    expect(results).toEqual([{ ok: true }, { ok: true }])
    const counts = await store.db
      .selectFrom('auditLog')
      .select(['entityType', (eb) => eb.fn.countAll<number>().as('total')])
      .where('action', '=', 'burst')
      .groupBy('entityType')
      .orderBy('entityType')
      .execute()
    expect(counts.map((row) => [row.entityType, Number(row.total)])).toEqual([
      ['writer-a', WRITES_PER_WRITER],
      ['writer-b', WRITES_PER_WRITER],
    ])
  })
})
