import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { loadDemoContent } from '../src/demo/load-demo.js'
import { listNewsroomArticles } from '../src/modules/articles/newsroom-article-queries.js'
import { saveEditions, STARTING_EDITIONS } from '../src/modules/editions/edition-queries.js'
import { listArticlesFor } from '../src/modules/editorial/article-listing.js'
import { loadNewsroomDashboard } from '../src/modules/editorial/newsroom-dashboard.js'
import { createSearchIndex } from '../src/modules/search/search-index.js'
import { createLocalMediaStorage } from '../src/platform/storage/local-media-storage.js'
import { measure, report } from './measure.js'

/**
 * The newsroom's list and dashboard on SQLite (the demo newsroom): the list rows with their
 * section names and bylines against the bare rows, and the whole dashboard (seven panels) against
 * one bare list page. Budget: the named list (two more queries a page) at 0.25 of the bare one
 * or better.
 */
export async function benchNewsroomScreens(): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-bench-'))
  const store = await openStore({ kind: 'sqlite', file: join(folder, 'bench.sqlite') })
  try {
    await migrateToLatest(store.db)
    await saveEditions(store.db, STARTING_EDITIONS)
    const now = new Date()
    await loadDemoContent(store.db, createLocalMediaStorage(join(folder, 'media')), now)
    const search = createSearchIndex({ db: store.db })
    const editor = { kind: 'user', userId: 1, role: 'editor', name: 'Bench' } as const

    const bare = await measure('listNewsroomArticles (25 rows + count)', () =>
      listNewsroomArticles(store.db, {}, { pageSize: 25 }),
    )
    const named = await measure('listArticlesFor (25 rows, names, bylines)', () =>
      listArticlesFor({ db: store.db, search }, editor, { pageSize: 25 }),
    )
    const dashboard = await measure('loadNewsroomDashboard (every panel)', () =>
      loadNewsroomDashboard(store.db, editor, now),
    )
    return [report(bare, named), report(bare, dashboard)]
  } finally {
    await store.close()
    rmSync(folder, { recursive: true, force: true })
  }
}
