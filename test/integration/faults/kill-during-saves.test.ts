import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../../src/db/create-database.js'
import { adminClient } from '../../helpers/masthead-cluster.js'
import { createTestStore, TEST_DIALECTS, type TestStore } from '../../helpers/test-databases.js'
import { integrityOf, newDataDir, startMasthead, type MastheadProcess } from './masthead-process.js'

const WRITERS = 12
const ACKNOWLEDGED_BEFORE_KILL = 80

interface Acknowledged {
  version: number
  headline: string
}

/**
 * Each writer creates an article and then saves it again and again with a new headline, as fast
 * as the server answers; every 2xx is remembered with the version it reported.
 */
function burstOfSaves(send: Awaited<ReturnType<typeof adminClient>>, sectionId: number) {
  const acknowledged = new Map<number, Acknowledged>()
  let saves = 0
  let isStopped = false
  const writer = async (writerIndex: number) => {
    let id: number | undefined
    for (let round = 0; !isStopped; round++) {
      const headline = `Burst writer ${writerIndex} save ${round}`
      try {
        const reply =
          id === undefined
            ? await send('POST', '/api/admin/articles', {
                language: 'en',
                section: sectionId,
                headline,
                body: `<p>${headline}, a body long enough to be a body.</p>`,
              })
            : await send('PATCH', `/api/admin/articles/${id}`, {
                headline,
                body: `<p>${headline}, saved again.</p>`,
              })
        if (reply.status !== 200 && reply.status !== 201) continue
        const article = (await reply.json()) as { id: number; version: number; headline: string }
        id = article.id
        acknowledged.set(article.id, { version: article.version, headline: article.headline })
        saves += 1
      } catch {
        // The server is gone (killed): what it did not answer was never acknowledged.
        return
      }
    }
  }
  const writers = Array.from({ length: WRITERS }, (_, index) => writer(index))
  return {
    acknowledged,
    saves: () => saves,
    stop: async () => {
      isStopped = true
      await Promise.all(writers)
    },
  }
}

async function openDatabase(dialect: string, dataDir: string, pgStore?: TestStore): Promise<Store> {
  if (dialect === 'sqlite')
    return openStore({ kind: 'sqlite', file: join(dataDir, 'masthead.sqlite') })
  if (!pgStore) throw new Error('no PostgreSQL database')
  return openStore(pgStore.databaseConfig)
}

describe.each(TEST_DIALECTS)('kill -9 during a burst of article saves (%s)', (dialect) => {
  const dataDir = newDataDir()
  let pgStore: TestStore | undefined
  let server: MastheadProcess | undefined
  afterAll(async () => {
    await server?.kill('SIGTERM')
    await pgStore?.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps every acknowledged save, whole, and the database passes its integrity check', async () => {
    if (dialect === 'postgres') pgStore = await createTestStore('postgres', { migrate: false })
    const env =
      pgStore?.databaseConfig.kind === 'postgres'
        ? { DATABASE_URL: pgStore.databaseConfig.url }
        : {}
    server = await startMasthead({ dataDir, env })
    const send = await adminClient(server.url)
    const sections = (await (await send('GET', '/api/admin/sections')).json()) as {
      items: { id: number }[]
    }
    const sectionId = sections.items[0]?.id
    if (!sectionId) throw new Error('the demo has no section')

    const burst = burstOfSaves(send, sectionId)
    const { acknowledged } = burst
    await expect
      .poll(() => burst.saves(), { timeout: 180_000, interval: 20 })
      .toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL)
    await server.kill('SIGKILL')
    expect((await server.exited).signal).toBe('SIGKILL')
    await burst.stop()
    server = undefined
    expect(acknowledged.size).toBe(WRITERS)

    const store = await openDatabase(dialect, dataDir, pgStore)
    try {
      expect(await integrityOf(store.db, store.dialect)).toEqual({
        check: 'ok',
        foreignKeyViolations: 0,
      })
      const rows = await store.db
        .selectFrom('articles')
        .select(['id', 'version', 'headline', 'bodyHtml'])
        .where('id', 'in', [...acknowledged.keys()])
        .execute()
      const found = new Map(rows.map((row) => [row.id, row]))
      for (const [id, save] of acknowledged) {
        const row = found.get(id)
        expect(row, `acknowledged article ${id} is missing`).toBeDefined()
        expect(row?.version).toBeGreaterThanOrEqual(save.version)
        // A later save may have committed without its answer reaching us; never an earlier one.
        if (row?.version === save.version) expect(row.headline).toBe(save.headline)
        expect(row?.bodyHtml).toContain(row?.headline)
      }
    } finally {
      await store.close()
    }

    // The restarted server serves them, and takes saves again.
    server = await startMasthead({ dataDir, env })
    const again = await adminClient(server.url)
    for (const [id, save] of acknowledged) {
      const reply = await again('GET', `/api/admin/articles/${id}`)
      expect(reply.status).toBe(200)
      expect(((await reply.json()) as { version: number }).version).toBeGreaterThanOrEqual(
        save.version,
      )
    }
    const [firstId] = acknowledged.keys()
    const saved = await again('PATCH', `/api/admin/articles/${firstId}`, {
      headline: 'Saved after the restart',
    })
    expect(saved.status).toBe(200)
  }, 600_000)
})
