import { afterAll, describe, expect, it } from 'vitest'
import { startMastheadCluster, type RunningCluster } from '../helpers/masthead-cluster.js'
import { startRecordingEdge, type RecordingEdge } from '../helpers/recording-edge.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'

/** How long after the first purge no other worker may send one. */
const QUIET_MS = 3000

async function waitForPurges(edge: RecordingEdge, count: number): Promise<void> {
  const deadline = Date.now() + 30_000
  while (edge.purges.length < count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50))
}

describe.each([
  { dialect: 'sqlite' as const, port: 39_650, edgePort: 39_652 },
  { dialect: 'postgres' as const, port: 39_651, edgePort: 39_653 },
])('the workers of a cluster at start ($dialect)', ({ dialect, port, edgePort }) => {
  let cluster: RunningCluster | undefined
  let edge: RecordingEdge | undefined
  let database: TestStore | undefined
  afterAll(async () => {
    await cluster?.stop()
    await edge?.close()
    await database?.dispose()
  })

  // A restart on the same build sends nothing: test/integration/site/asset-change-purge.test.ts.
  it('purge the edge once for a new asset build, not once per worker', async () => {
    edge = await startRecordingEdge(edgePort)
    const env: NodeJS.ProcessEnv = { MASTHEAD_PURGE_URL: edge.url }
    if (dialect === 'postgres') {
      // An empty database the cluster migrates itself; the store only says where it is.
      database = await createTestStore('postgres', { migrate: false })
      if (database.databaseConfig.kind === 'postgres')
        env['DATABASE_URL'] = database.databaseConfig.url
    }
    cluster = await startMastheadCluster({ workers: 2, port, env })
    await waitForPurges(edge, 1)
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS))
    expect(edge.purges).toEqual(['site'])
  }, 300_000)
})
