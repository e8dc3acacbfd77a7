import { execFile, spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Kysely } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../../src/db/create-database.js'
import type { Database } from '../../../src/db/database.js'
import { createTestStore, TEST_DIALECTS, type TestStore } from '../../helpers/test-databases.js'
import { THEME_UNIT_TEST } from '../../helpers/wordpress-import-harness.js'
import { integrityOf, newDataDir } from './masthead-process.js'

const BIN = fileURLToPath(new URL('../../../bin/masthead.js', import.meta.url))
/** Articles of the theme unit test export. */
const FIXTURE_ARTICLES = 58
/** Posts added to it, so that the import takes long enough to be killed half way on any machine. */
const GENERATED_POSTS = 2000

/** The theme unit test export with many plain posts after its own, each with an old permalink. */
function writeLargeExport(folder: string): string {
  const items: string[] = []
  for (let index = 1; index <= GENERATED_POSTS; index++)
    items.push(`<item>
<title>Kill test story ${index}</title>
<link>https://wpthemetestdata.wordpress.com/2024/01/02/kill-test-story-${index}/</link>
<pubDate>Tue, 02 Jan 2024 10:00:00 +0000</pubDate>
<dc:creator><![CDATA[themedemos]]></dc:creator>
<guid isPermaLink="false">https://wpthemetestdata.wordpress.com/?p=${900_000 + index}</guid>
<content:encoded><![CDATA[<!-- wp:paragraph --><p>Story ${index} of the kill test, with <strong>a body</strong>.</p><!-- /wp:paragraph -->]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${900_000 + index}</wp:post_id>
<wp:post_date>2024-01-02 10:00:00</wp:post_date>
<wp:post_date_gmt>2024-01-02 10:00:00</wp:post_date_gmt>
<wp:post_name>kill-test-story-${index}</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:menu_order>0</wp:menu_order>
<wp:post_type>post</wp:post_type>
<wp:is_sticky>0</wp:is_sticky>
<category domain="post_tag" nicename="kill-test-${index % 7}"><![CDATA[Kill test ${index % 7}]]></category>
</item>
`)
  const tags = Array.from(
    { length: 7 },
    (_, index) =>
      `<wp:tag><wp:term_id>${990_000 + index}</wp:term_id><wp:tag_slug>kill-test-${index}</wp:tag_slug><wp:tag_name><![CDATA[Kill test ${index}]]></wp:tag_name></wp:tag>\n`,
  )
  const fixture = readFileSync(THEME_UNIT_TEST, 'utf8')
  const path = join(folder, 'large-export.xml')
  writeFileSync(
    path,
    fixture
      .replace('<item>', `${tags.join('')}<item>`)
      .replace('</channel>', `${items.join('')}</channel>`),
  )
  return path
}

interface ImportedArticle {
  id: number | undefined
  headline: string | undefined
  bodyHtml: string | undefined
  isIndexed: boolean
  /** Old permalinks that lead to it. */
  redirects: number
  tags: number
}

/** What an imported article is made of, keyed by its WordPress id, to compare before and after. */
async function importedArticles(db: Kysely<Database>) {
  const records = await db
    .selectFrom('importRecords')
    .select(['externalId', 'entityId'])
    .where('kind', '=', 'article')
    .execute()
  const articles = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'headline', 'bodyHtml'])
    .execute()
  const indexed = new Set(
    (await db.selectFrom('searchDocuments').select('articleId').execute()).map(
      (row) => row.articleId,
    ),
  )
  // Old permalinks lead to `/<language>/<section>/<id>-<slug>`: counted by that last part.
  const redirects = new Map<string, number>()
  for (const row of await db.selectFrom('redirects').select('toPath').execute()) {
    const last = row.toPath.split('/').pop() ?? ''
    redirects.set(last, (redirects.get(last) ?? 0) + 1)
  }
  const tags = new Map<number, number>()
  for (const row of await db.selectFrom('articleTags').select('articleId').execute())
    tags.set(row.articleId, (tags.get(row.articleId) ?? 0) + 1)
  const byId = new Map(articles.map((article) => [article.id, article]))
  const whole = new Map<string, ImportedArticle>()
  for (const record of records) {
    const article = record.entityId === null ? undefined : byId.get(record.entityId)
    whole.set(record.externalId, {
      id: article?.id,
      headline: article?.headline,
      bodyHtml: article?.bodyHtml,
      isIndexed: article ? indexed.has(article.id) : false,
      redirects: article
        ? (redirects.get(`${article.id}-${encodeURIComponent(article.slug)}`) ?? 0)
        : 0,
      tags: article ? (tags.get(article.id) ?? 0) : 0,
    })
  }
  return { articles: articles.length, records: records.length, whole }
}

/** Runs the import to its end (longer than the shared helper waits on a loaded machine). */
function importToEnd(file: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'import', 'wordpress', file],
      {
        env: { PATH: process.env['PATH'], MASTHEAD_LOG_LEVEL: 'silent', ...env },
        timeout: 600_000,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    )
  })
}

/** Starts the import and kills it (SIGKILL) once some posts have been committed, not all. */
async function importAndKill(
  file: string,
  env: NodeJS.ProcessEnv,
  committedArticles: () => Promise<number>,
): Promise<number> {
  const child = spawn(process.execPath, [BIN, 'import', 'wordpress', file], {
    env: { PATH: process.env['PATH'], MASTHEAD_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  )
  let committed = 0
  const deadline = Date.now() + 300_000
  while (child.exitCode === null && Date.now() < deadline) {
    committed = await committedArticles().catch(() => 0)
    if (committed > FIXTURE_ARTICLES) break
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  child.kill('SIGKILL')
  expect(await exited, `the import ended before it could be killed:\n${output}`).toBe('SIGKILL')
  return committed
}

describe.each(TEST_DIALECTS)('kill -9 during a WordPress import (%s)', (dialect) => {
  const dataDir = newDataDir()
  let pgStore: TestStore | undefined
  let store: Store | undefined
  afterAll(async () => {
    await store?.close()
    await pgStore?.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('leaves whole articles only, and a second run completes with the right counts', async () => {
    const file = writeLargeExport(dataDir)
    if (dialect === 'postgres') pgStore = await createTestStore('postgres', { migrate: false })
    const env: NodeJS.ProcessEnv = { MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' }
    if (pgStore?.databaseConfig.kind === 'postgres')
      env['DATABASE_URL'] = pgStore.databaseConfig.url
    // The import migrates the database itself; this only watches it.
    const watch =
      pgStore?.databaseConfig ??
      ({ kind: 'sqlite', file: join(dataDir, 'masthead.sqlite') } as const)
    const committedArticles = async () => {
      store ??= await openStore(watch)
      const row = await store.db
        .selectFrom('importRecords')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('kind', '=', 'article')
        .executeTakeFirstOrThrow()
      return Number(row.count)
    }
    const committedWhenKilled = await importAndKill(file, env, committedArticles)
    expect(committedWhenKilled).toBeGreaterThan(0)
    await store?.close()
    store = await openStore(watch)

    expect(await integrityOf(store.db, store.dialect)).toEqual({
      check: 'ok',
      foreignKeyViolations: 0,
    })
    const killed = await importedArticles(store.db)
    // Killed half way: some posts are in, not all of them.
    expect(killed.records).toBeGreaterThanOrEqual(committedWhenKilled)
    expect(killed.records).toBeLessThan(FIXTURE_ARTICLES + GENERATED_POSTS)
    // No article without its import record, and each one whole: body, search entry, and for the
    // generated posts (published, with an old permalink) their redirects and tag.
    expect(killed.articles).toBe(killed.records)
    for (const [externalId, article] of killed.whole) {
      expect(article.id, externalId).toBeTypeOf('number')
      expect(article.isIndexed, externalId).toBe(true)
      if (/#9\d{5}$/.test(externalId)) {
        expect(article.bodyHtml, externalId).toContain('of the kill test')
        expect({ redirects: article.redirects, tags: article.tags }, externalId).toEqual({
          redirects: 2,
          tags: 1,
        })
      }
    }

    const finished = await importToEnd(file, env)
    expect(finished.stderr).toBe('')
    expect(finished.code, finished.stdout).toBe(0)
    const done = await importedArticles(store.db)
    expect(done.records).toBe(FIXTURE_ARTICLES + GENERATED_POSTS)
    expect(done.articles).toBe(FIXTURE_ARTICLES + GENERATED_POSTS)
    // What the killed run had committed was whole: the second run found nothing to complete.
    for (const [externalId, article] of killed.whole)
      expect(done.whole.get(externalId), externalId).toEqual(article)
    const generated = [...done.whole.values()].filter((article) =>
      article.bodyHtml?.includes('of the kill test'),
    )
    expect(generated).toHaveLength(GENERATED_POSTS)
    for (const article of generated)
      expect(article).toMatchObject({ isIndexed: true, redirects: 2, tags: 1 })
  }, 900_000)
})
