import { afterAll, describe, expect, it } from 'vitest'
import {
  adminClient,
  getOnNewConnection,
  startMastheadCluster,
  type RunningCluster,
} from '../helpers/masthead-cluster.js'
import { createNamedDatabase, dropNamedDatabase } from '../helpers/named-database.js'

const READS_PER_ROUND = 8

describe.each([
  { dialect: 'sqlite', port: 39_401 },
  { dialect: 'postgres', port: 39_402 },
])('two processes ($dialect)', ({ dialect, port }) => {
  let cluster: RunningCluster | undefined
  const database = `masthead_cluster_${process.pid}`
  afterAll(async () => {
    await cluster?.stop()
    cluster = undefined
    if (dialect === 'postgres') await dropNamedDatabase(database)
  })

  it('shows a change published through one process in every process within a second', async () => {
    const env = dialect === 'postgres' ? { DATABASE_URL: await createNamedDatabase(database) } : {}
    cluster = await startMastheadCluster({ workers: 2, port, env })
    const list = (await (
      await fetch(`${cluster.url}/api/v1/articles?language=en&pageSize=1`)
    ).json()) as { items: { id: number; url: string }[] }
    const article = list.items[0]
    if (!article) throw new Error('the demo has no English article')
    const path = new URL(article.url).pathname
    // Fresh connections go to the workers in turn, so both render and keep the page.
    const warm = []
    for (let index = 0; index < READS_PER_ROUND; index++)
      warm.push(await getOnNewConnection(`${cluster.url}${path}`))
    expect(warm.filter((reply) => reply.cache === 'HIT').length).toBeGreaterThanOrEqual(
      READS_PER_ROUND - 2,
    )

    const send = await adminClient(cluster.url)
    const headline = `Seen by every worker ${dialect}`
    const saved = await send('PATCH', `/api/admin/articles/${article.id}`, { headline })
    expect(saved.status, await saved.clone().text()).toBe(200)
    const publishedAt = performance.now()
    let stale = READS_PER_ROUND
    while (performance.now() - publishedAt < 1000) {
      const round = []
      for (let index = 0; index < READS_PER_ROUND; index++)
        round.push(await getOnNewConnection(`${cluster.url}${path}`))
      stale = round.filter((reply) => !reply.body.includes(headline)).length
      if (stale === 0) break
    }
    expect(stale, 'reads still showing the old headline a second after the save').toBe(0)
  }, 300_000)
})
