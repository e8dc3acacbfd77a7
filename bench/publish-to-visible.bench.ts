import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config/load-config.js'
import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { loadDemoContent } from '../src/demo/load-demo.js'
import { saveEditions, STARTING_EDITIONS } from '../src/modules/editions/edition-queries.js'
import { hashPassword } from '../src/modules/users/password.js'
import { createUser } from '../src/modules/users/user-queries.js'
import { systemClock } from '../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../src/platform/storage/local-media-storage.js'

const ROUNDS = 25
const PASSWORD = 'bench password long enough'

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0
}

/**
 * Publish → visible: over real HTTP on SQLite with the demo newsroom, the time from sending the
 * publish transition until the article's public page answers 200, against the time of one request
 * for an already published page (the baseline).
 */
export async function benchPublishToVisible(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-bench-publish-'))
  const config = loadConfig({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' })
  const store = await openStore(config.database)
  await migrateToLatest(store.db)
  await saveEditions(store.db, STARTING_EDITIONS)
  const storage = createLocalMediaStorage(mediaFolderOf(dataDir))
  await loadDemoContent(store.db, storage, systemClock.now())
  await createUser(
    store.db,
    {
      email: 'bench@news.example',
      name: 'Bench',
      role: 'editor',
      passwordHash: await hashPassword(PASSWORD),
    },
    systemClock.now(),
  )
  const app = await buildApp({ config, store, clock: systemClock, storage })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  try {
    const session = await fetch(`${base}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@news.example', password: PASSWORD }),
    })
    const { csrfToken } = (await session.json()) as { csrfToken: string }
    const headers = {
      'content-type': 'application/json',
      cookie: (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': csrfToken,
    }
    const visible: number[] = []
    const plainRead: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const draft = await fetch(`${base}/api/admin/articles`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          language: round % 2 ? 'ar' : 'en',
          headline: `Benchmark story ${round}`,
          body: '<p>A paragraph for the benchmark.</p>',
          section: 'news',
        }),
      })
      const { id, url } = (await draft.json()) as { id: number; url: string }
      const path = new URL(url).pathname
      const started = performance.now()
      await fetch(`${base}/api/admin/articles/${id}/transitions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ action: 'publish' }),
      })
      while ((await fetch(`${base}${path}`)).status !== 200);
      visible.push(performance.now() - started)
      const readStarted = performance.now()
      await fetch(`${base}${path}`)
      plainRead.push(performance.now() - readStarted)
    }
    const p50 = percentile(visible, 0.5)
    return [
      `publish → public page 200: p50 ${p50.toFixed(1)} ms, p95 ${percentile(visible, 0.95).toFixed(1)} ms over ${ROUNDS} articles`,
      `baseline, one read of a published page: p50 ${percentile(plainRead, 0.5).toFixed(1)} ms  ratio ${(p50 / percentile(plainRead, 0.5)).toFixed(1)}`,
    ]
  } finally {
    await app.close()
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
