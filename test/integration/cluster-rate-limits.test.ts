import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/db/create-database.js'
import {
  getOnNewConnection,
  startMastheadCluster,
  type RunningCluster,
} from '../helpers/masthead-cluster.js'

const SEARCHES_PER_MINUTE = 10

// The counters live in the cluster's primary whatever the database, so one dialect is enough.
describe('rate limits of two processes', () => {
  let cluster: RunningCluster | undefined
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-cluster-limits-'))
  afterAll(async () => {
    await cluster?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('holds one limit and one view per reader for the whole machine, not one per worker', async () => {
    cluster = await startMastheadCluster({
      workers: 2,
      port: 39_403,
      env: {
        MASTHEAD_DATA_DIR: dataDir,
        MASTHEAD_SEARCH_RATE_LIMIT: String(SEARCHES_PER_MINUTE),
      },
    })
    // Fresh connections go to the workers in turn, so each worker answers half of them.
    const statuses: number[] = []
    for (let count = 0; count < SEARCHES_PER_MINUTE * 3; count += 1)
      statuses.push((await getOnNewConnection(`${cluster.url}/en/search?q=quay${count}`)).status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(SEARCHES_PER_MINUTE)
    expect(statuses.filter((status) => status === 429)).toHaveLength(SEARCHES_PER_MINUTE * 2)

    const list = (await (
      await fetch(`${cluster.url}/api/v1/articles?language=en&pageSize=1`)
    ).json()) as { items: { id: number }[] }
    const articleId = list.items[0]?.id
    if (articleId === undefined) throw new Error('the demo has no English article')
    const store = await openStore({ kind: 'sqlite', file: join(dataDir, 'masthead.sqlite') })
    try {
      const viewsOf = async () => {
        const row = await store.db
          .selectFrom('pageViews')
          .select((eb) => eb.fn.sum<number>('views').as('views'))
          .where('articleId', '=', articleId)
          .executeTakeFirst()
        return Number(row?.views ?? 0)
      }
      const before = await viewsOf()
      for (let count = 0; count < 10; count += 1)
        expect(
          (await getOnNewConnection(`${cluster.url}/api/v1/page-views/${articleId}`, 'POST'))
            .status,
        ).toBe(204)
      expect(await viewsOf()).toBe(before + 1)
    } finally {
      await store.close()
    }
  }, 300_000)
})
