import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { loadDemoContent } from '../src/demo/load-demo.js'
import { findArticleById, listPublishedArticles } from '../src/modules/articles/article-queries.js'
import { saveEditions, STARTING_EDITIONS } from '../src/modules/editions/edition-queries.js'
import { createLocalMediaStorage } from '../src/platform/storage/local-media-storage.js'
import { measure, report } from './measure.js'

/**
 * The store's overhead on SQLite: the repository functions (Kysely, the CamelCase plugin, row
 * mapping) against the same queries as hand-written SQL on a raw better-sqlite3 connection to the
 * same file. Budget: the repository at 0.25 of the raw driver's rate or better.
 */
export async function benchStoreQueries(): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-bench-'))
  const file = join(folder, 'bench.sqlite')
  const store = await openStore({ kind: 'sqlite', file })
  const raw = new SqliteDatabase(file, { readonly: true })
  try {
    await migrateToLatest(store.db)
    await saveEditions(store.db, STARTING_EDITIONS)
    const now = new Date()
    await loadDemoContent(store.db, createLocalMediaStorage(join(folder, 'media')), now)
    const isoNow = now.toISOString()
    const someId = (raw.prepare('select max(id) as id from articles').get() as { id: number }).id

    const rawLatest = raw.prepare(
      `select id, language, section_id, type, headline, dek, slug, excerpt, hero_media_id, hero_gallery_id,
              source_id, is_breaking, is_featured, pinned_position, published_at, updated_at
       from articles where language = ? and status = 'published' and published_at <= ?
       order by published_at desc, id desc limit 20 offset 0`,
    )
    const rawCount = raw.prepare(
      `select count(*) as total from articles where language = ? and status = 'published' and published_at <= ?`,
    )
    const rawById = raw.prepare('select * from articles where id = ?')
    const rawNotices = raw.prepare(
      'select * from article_notices where article_id = ? order by created_at, id',
    )

    const latestBaseline = await measure('raw SQL, latest 20 + count', () => {
      rawLatest.all('en', isoNow)
      rawCount.get('en', isoNow)
    })
    const latest = await measure('listPublishedArticles (latest 20 + count)', () =>
      listPublishedArticles(store.db, { language: 'en' }, { pageSize: 20 }, now),
    )
    const byIdBaseline = await measure('raw SQL, article + notices', () => {
      rawById.get(someId)
      rawNotices.all(someId)
    })
    const byId = await measure('findArticleById (with notices)', () =>
      findArticleById(store.db, someId),
    )
    return [report(latestBaseline, latest), report(byIdBaseline, byId)]
  } finally {
    raw.close()
    await store.close()
    rmSync(folder, { recursive: true, force: true })
  }
}
