import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config/load-config.js'
import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { saveEditions, STARTING_EDITIONS } from '../src/modules/editions/edition-queries.js'
import { createSection } from '../src/modules/sections/section-queries.js'
import { systemClock } from '../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../src/platform/storage/local-media-storage.js'

/**
 * One size of the sitemap benchmark, in a process of its own so that its peak memory is its own:
 * `tsx bench/sitemap-archive.ts generate N DIR` writes an archive of N articles over three years;
 * `tsx bench/sitemap-archive.ts serve DIR` serves it and prints the timings and peak memory of
 * reading the sitemap index and the largest monthly sitemap over HTTP.
 */
const [mode = '', first = '', second = ''] = process.argv.slice(2)
const MONTHS = 36

async function generate(size: number, dataDir: string): Promise<void> {
  const config = loadConfig({
    MASTHEAD_DATA_DIR: dataDir,
    MASTHEAD_DEMO: '0',
    MASTHEAD_LOG_LEVEL: 'silent',
  })
  const store = await openStore(config.database)
  await migrateToLatest(store.db)
  await saveEditions(store.db, STARTING_EDITIONS)
  const sectionId = await createSection(
    store.db,
    { translations: { en: { name: 'News', slug: 'news' }, ar: { name: 'أخبار', slug: 'أخبار' } } },
    new Date(),
  )
  await store.close()
  const raw = new SqliteDatabase(config.database.kind === 'sqlite' ? config.database.file : '')
  const insert = raw.prepare(
    `insert into articles (language, translation_group, section_id, status, type, headline, dek, slug, body_doc, body_html, excerpt, seo, published_at, created_at, updated_at)
     values (?, ?, ?, 'published', 'report', ?, '', ?, '{"type":"doc","content":[]}', '', '', '{}', ?, ?, ?)`,
  )
  const start = Date.UTC(2023, 11, 1)
  const span = MONTHS * 30 * 86_400_000
  raw.transaction(() => {
    for (let index = 0; index < size; index++) {
      const language = index % 2 === 0 ? 'en' : 'ar'
      const group = `story-${Math.floor(index / 2)}`
      const time = new Date(start + Math.floor((index / size) * span)).toISOString()
      insert.run(
        language,
        group,
        sectionId,
        `Archive story ${index}`,
        `archive-story-${index}`,
        time,
        time,
        time,
      )
    }
  })()
  raw.close()
}

async function serve(dataDir: string): Promise<void> {
  const config = loadConfig({
    MASTHEAD_DATA_DIR: dataDir,
    MASTHEAD_DEMO: '0',
    MASTHEAD_SITE_URL: 'https://news.example',
  })
  const store = await openStore(config.database)
  const app = await buildApp({
    config,
    store,
    clock: systemClock,
    storage: createLocalMediaStorage(mediaFolderOf(dataDir)),
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  const read = async (path: string) => {
    const started = performance.now()
    const response = await fetch(`http://127.0.0.1:${port}${path}`)
    let bytes = 0
    for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).length
    return { ms: performance.now() - started, bytes, status: response.status }
  }
  const index = await read('/sitemap.xml')
  const counted = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const monthly = await read('/sitemaps/articles-en-2025-06.xml')
  console.log(
    JSON.stringify({
      articles: Number(counted.n),
      index,
      monthly,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  )
  await app.close()
  await store.close()
}

if (mode === 'generate')
  await generate(Number(first), second || mkdtempSync(join(tmpdir(), 'masthead-archive-')))
else if (mode === 'serve') await serve(first)
else throw new Error('usage: sitemap-archive.ts generate N DIR | serve DIR')
