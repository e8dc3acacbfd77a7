import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import {
  getOnNewConnection,
  startMastheadCluster,
  type RunningCluster,
} from '../../helpers/masthead-cluster.js'

/** The distinct pids of one metric's samples. */
function pidsOf(text: string, metric: string): Set<string> {
  const pids = text
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`))
    .map((line) => /pid="(\d+)"/.exec(line)?.[1])
  return new Set(pids.filter((pid): pid is string => pid !== undefined))
}

describe('/metrics of a cluster', () => {
  let cluster: RunningCluster | undefined
  afterAll(async () => {
    await cluster?.stop()
  })

  it('answers from any worker with every worker’s figures, each under its pid', async () => {
    const port = 41_000 + Math.floor(Math.random() * 8000)
    cluster = await startMastheadCluster({ workers: 2, port, env: { MASTHEAD_DEMO: '0' } })
    const base = `http://127.0.0.1:${port}`
    for (let i = 0; i < 6; i++)
      expect((await getOnNewConnection(`${base}/healthz`)).status).toBe(200)
    for (let i = 0; i < 4; i++) {
      const scrape = await getOnNewConnection(`${base}/metrics`)
      expect(scrape.status).toBe(200)
      expect(pidsOf(scrape.body, 'masthead_process_resident_memory_bytes').size).toBe(2)
      expect(pidsOf(scrape.body, 'masthead_page_cache_entries').size).toBe(2)
      const healthz = scrape.body
        .split('\n')
        .filter(
          (line) =>
            line.startsWith('masthead_http_requests_total{') && line.includes('route="/healthz"'),
        )
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0)
      expect(healthz).toBe(6)
      expect(scrape.body.match(/^# TYPE masthead_jobs gauge$/gm)).toHaveLength(1)
      expect(scrape.body.match(/^# TYPE masthead_http_requests_total counter$/gm)).toHaveLength(1)
    }
  }, 300_000)

  it('forks each worker with a young generation of two 4 MB semi-spaces', async () => {
    if (!cluster) throw new Error('the cluster did not start')
    const scrape = await getOnNewConnection(`${cluster.url}/metrics`)
    const workers = [...pidsOf(scrape.body, 'masthead_process_resident_memory_bytes')]
    expect(workers).toHaveLength(2)
    for (const pid of workers)
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain(
        '--max-semi-space-size=4',
      )
  })
})
