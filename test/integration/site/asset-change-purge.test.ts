import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openStore, type Store } from '../../../src/db/create-database.js'
import { createLoggerOptions } from '../../../src/platform/logger.js'
import { loadAssetManifest, type AssetManifest } from '../../../src/site/assets/asset-manifest.js'
import { withChangedStylesheet } from '../../helpers/asset-builds.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { startRecordingEdge, type RecordingEdge } from '../../helpers/recording-edge.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface LogLine {
  level: number
  msg: string
  changed?: string[]
  err?: { message: string }
}

const PROCESSES = 3

describeEachDatabase('purging the edge when a deploy changed the site assets', (store) => {
  let edge: RecordingEdge
  let current: AssetManifest
  const lines: string[] = []
  const opened: Store[] = []
  const apps: FastifyInstance[] = []
  const logged = (msg: string) =>
    lines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.msg === msg)

  beforeAll(async () => {
    edge = await startRecordingEdge()
    current = await loadAssetManifest()
    // Each process of a deploy has its own connection pool on the one database.
    for (let index = 1; index < PROCESSES; index++)
      opened.push(await openStore(store().databaseConfig))
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    for (const other of opened) await other.close()
    await edge.close()
  })

  /** The processes of one deploy of `assets`, each on its own pool, logging into `lines`. */
  async function deploy(assets: AssetManifest, env: NodeJS.ProcessEnv = {}) {
    const started: FastifyInstance[] = []
    for (const database of [store(), ...opened]) {
      const app = await createTestApp(database, {
        assets,
        env: { MASTHEAD_PURGE_URL: edge.url, ...env },
        logger: createLoggerOptions('info', { write: (line) => lines.push(line) }),
      })
      apps.push(app)
      started.push(app)
    }
    return started
  }
  const startAll = (processes: FastifyInstance[]) =>
    Promise.all(processes.map((app) => app.newsroom.purgeEdgeOnAssetChange()))

  it('purges every page once at the first start, however many processes start at once', async () => {
    const outcomes = await startAll(await deploy(current))
    expect(outcomes.sort()).toEqual(['purged', 'unchanged', 'unchanged'])
    expect(edge.purges).toEqual(['site'])
    const [line, ...others] = logged('site assets changed: purged every page at the edge')
    expect(others).toEqual([])
    expect(line?.changed).toEqual(Object.keys(current.paths))
  })

  it('sends nothing when the processes start again with the same assets', async () => {
    expect(await startAll(await deploy(current))).toEqual(['unchanged', 'unchanged', 'unchanged'])
    expect(edge.purges).toEqual(['site'])
  })

  it('purges once more when only the stylesheet changed, and logs that it did', async () => {
    const next = withChangedStylesheet(current, '.next-release{}')
    const outcomes = await startAll(await deploy(next))
    expect(outcomes.sort()).toEqual(['purged', 'unchanged', 'unchanged'])
    expect(edge.purges).toEqual(['site', 'site'])
    expect(logged('site assets changed: purged every page at the edge').at(-1)?.changed).toEqual([
      'site.css',
    ])
  })

  it('gives the change back when the edge refuses the purge, so the next start sends it', async () => {
    const later = withChangedStylesheet(current, '.later-release{}')
    const [first, second] = await deploy(later)
    if (!first || !second) throw new Error('the deploy started no processes')
    edge.answer.status = 503
    try {
      expect(await first.newsroom.purgeEdgeOnAssetChange()).toBe('failed')
    } finally {
      edge.answer.status = 200
    }
    const failure = logged('edge purge after a change of the site assets failed')
    expect(failure).toHaveLength(1)
    expect(failure[0]?.level).toBe(50)
    expect(failure[0]?.err?.message).toBe(`PURGE ${edge.url} answered 503`)
    expect(await second.newsroom.purgeEdgeOnAssetChange()).toBe('purged')
    expect(edge.purges).toEqual(['site', 'site', 'site', 'site'])
  })

  it('records a change without an edge to purge, and logs it', async () => {
    const unpurged = withChangedStylesheet(current, '.without-edge{}')
    const outcomes = await startAll(await deploy(unpurged, { MASTHEAD_PURGE_URL: '' }))
    expect(outcomes.sort()).toEqual(['recorded', 'unchanged', 'unchanged'])
    expect(logged('site assets changed since the last start; no edge to purge')).toHaveLength(1)
    expect(edge.purges).toHaveLength(4)
  })
})
