import { Migrator, sql, type Kysely } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { assertSchemaNotNewer, isSchemaCurrent, migrateToLatest } from '../../src/db/migrate.js'
import { MIGRATIONS } from '../../src/db/migrations/index.js'
import { isAppError } from '../../src/errors/app-error.js'
import { createArticle } from '../../src/modules/articles/article-queries.js'
import { createPage } from '../../src/modules/pages/page-queries.js'
import { findOrCreateTags } from '../../src/modules/tags/tag-queries.js'
import { buildAuthor, buildEditions, buildSection, TEST_NOW } from '../helpers/factories.js'
import { expectListingsInStep } from '../helpers/listing-truth.js'
import { EXPECTED_COLUMNS, SEARCH_INDEX_STORAGE } from '../helpers/expected-columns.js'
import { createTestStore, TEST_DIALECTS, type TestStore } from '../helpers/test-databases.js'

const toSnakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

describe.each(TEST_DIALECTS)('migrations (%s)', (dialect) => {
  let store: TestStore | undefined
  afterEach(async () => {
    await store?.dispose()
    store = undefined
  })

  it('builds the whole schema on an empty database and applies nothing twice', async () => {
    store = await createTestStore(dialect, { migrate: false })
    expect(await isSchemaCurrent(store.db)).toBe(false)
    expect(await migrateToLatest(store.db)).toEqual(Object.keys(MIGRATIONS))
    expect(await migrateToLatest(store.db)).toEqual([])
    expect(await isSchemaCurrent(store.db)).toBe(true)
  })

  it('creates every table and column of the Database interface, and no others', async () => {
    store = await createTestStore(dialect)
    const tables = await store.db.introspection.getTables()
    const actual = Object.fromEntries(
      tables
        .filter((table) => !table.name.startsWith('kysely_'))
        .filter((table) => !table.name.startsWith(SEARCH_INDEX_STORAGE.tablePrefix))
        .map((table) => [
          table.name,
          table.columns
            .map((column) => column.name)
            .filter(
              (column) =>
                table.name !== SEARCH_INDEX_STORAGE.column.table ||
                column !== SEARCH_INDEX_STORAGE.column.name,
            )
            .sort(),
        ]),
    )
    const expected = Object.fromEntries(
      Object.entries(EXPECTED_COLUMNS).map(([table, columns]) => [
        toSnakeCase(table),
        Object.keys(columns).map(toSnakeCase).sort(),
      ]),
    )
    expect(actual).toEqual(expected)
  })

  it('fills the reference rows of the article and page bodies stored before them', async () => {
    store = await createTestStore(dialect)
    const { db } = store
    await buildEditions(db)
    const bodyDoc = {
      type: 'doc' as const,
      content: [
        { type: 'paragraph' as const },
        {
          type: 'image' as const,
          attrs: { mediaId: 4, src: '/media/4.jpg', alt: '', width: 8, height: 6 },
        },
        { type: 'gallery' as const, attrs: { galleryId: 2 } },
        { type: 'relatedArticle' as const, attrs: { articleId: 9, headline: 'x', url: '/' } },
        { type: 'embed' as const, attrs: { url: 'https://vimeo.com/1', provider: 'vimeo' } },
      ],
    }
    const sectionId = await buildSection(db)
    for (const headline of ['One', 'Two'])
      await createArticle(
        db,
        { language: 'en', sectionId, status: 'draft', headline, bodyDoc },
        TEST_NOW,
      )
    await createPage(
      db,
      { language: 'en', slug: 'about', title: 'About', bodyDoc, status: 'draft' },
      TEST_NOW,
    )
    const rows = async () => [
      await db
        .selectFrom('articleReferences')
        .selectAll()
        .orderBy('articleId')
        .orderBy('position')
        .execute(),
      await db
        .selectFrom('pageReferences')
        .selectAll()
        .orderBy('pageId')
        .orderBy('position')
        .execute(),
    ]
    const written = await rows()
    expect(written.map((list) => list.length)).toEqual([8, 4])
    // As if the bodies had been stored by the version before this migration; it runs on its own,
    // since the migrations after it stay applied.
    await db.schema.dropTable('articleReferences').execute()
    await db.schema.dropTable('pageReferences').execute()
    await MIGRATIONS['20261207T1510-article-references']?.up(db)
    expect(await rows()).toEqual(written)
  })

  it('gives the link rows and listing counts of articles stored before them', async () => {
    store = await createTestStore(dialect, { migrate: false })
    const { db } = store
    const names = Object.keys(MIGRATIONS).sort()
    const listings = '20261215T2000-archive-listing-indexes'
    for (const name of names.filter((other) => other < listings)) await MIGRATIONS[name]?.up(db)
    await buildEditions(db)
    const sectionId = await buildSection(db)
    const [tag] = await findOrCreateTags(db, { language: 'en', names: ['Rivers'] }, TEST_NOW)
    const tagId = tag?.id ?? 0
    const authorId = await buildAuthor(db)
    const bodyDoc = { type: 'doc' as const, content: [] }
    for (const [status, publishedAt] of [
      ['published', '2026-06-01T00:00:00.000Z'],
      ['published', '2026-06-02T00:00:00.000Z'],
      ['draft', null],
    ] as const)
      await createArticle(
        db,
        {
          language: 'en',
          sectionId,
          status,
          headline: `Stored before, ${status}`,
          bodyDoc,
          publishedAt,
          tagIds: [tagId],
          authorIds: [authorId],
        },
        TEST_NOW,
      )
    await MIGRATIONS[listings]?.up(db)
    await expectListingsInStep(db)
    const tagCount = await db
      .selectFrom('listingCounts')
      .select('published')
      .where('listing', '=', 'tag')
      .where('listingId', '=', tagId)
      .executeTakeFirstOrThrow()
    expect(Number(tagCount.published)).toBe(2)
  })

  it('refuses a database migrated by a newer version, naming the unknown migration', async () => {
    store = await createTestStore(dialect)
    await sql`insert into kysely_migration (name, timestamp) values ('29991231T0000-from-the-future', '2999-12-31T00:00:00.000Z')`.execute(
      store.db,
    )
    const failure = await migrateToLatest(store.db).catch((error: unknown) => error)
    expect(isAppError(failure, 'SCHEMA_TOO_NEW')).toBe(true)
    expect((failure as Error).message).toContain('29991231T0000-from-the-future')
    await expect(assertSchemaNotNewer(store.db)).rejects.toThrow(/newer version of Masthead/)
  })

  it('lets articles be live stories without losing an article, a link or an index', async () => {
    store = await createTestStore(dialect, { migrate: false })
    const db = store.db as unknown as Kysely<unknown>
    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    })
    const before = await migrator.migrateTo('20261214T1000-localized-credits')
    expect(before.error).toBeUndefined()
    await buildEditions(store.db)
    const sectionId = await buildSection(store.db)
    await sql`insert into articles (id, language, section_id, status, type, headline, dek, slug,
        body_doc, body_html, excerpt, seo, created_at, updated_at)
      values (7, 'en', ${sectionId}, 'published', 'analysis', 'Kept', '', 'kept', '{"type":"doc"}',
        '', '', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(db)
    await sql`insert into tags (id, language, name, slug, created_at)
      values (3, 'en', 'Rivers', 'rivers', '2026-01-01T00:00:00.000Z')`.execute(db)
    await sql`insert into article_tags (article_id, tag_id, position) values (7, 3, 0)`.execute(db)
    const indexesOf = async () =>
      (await store!.db.introspection.getTables()).find((table) => table.name === 'articles')
    const indexNames = async () =>
      dialect === 'sqlite'
        ? (
            await sql<{ name: string }>`select name from sqlite_schema
              where tbl_name = 'articles' and type = 'index' order by name`.execute(db)
          ).rows.map((row) => row.name)
        : (
            await sql<{ name: string }>`select indexname as name from pg_indexes
              where tablename = 'articles' order by indexname`.execute(db)
          ).rows.map((row) => row.name)
    const indexesBefore = await indexNames()
    expect(indexesBefore.length).toBeGreaterThan(1)

    const after = await migrator.migrateTo('20261215T1000-live-coverage')
    expect(after.error).toBeUndefined()
    expect(await indexNames()).toEqual(indexesBefore)
    expect((await indexesOf())?.columns.map((column) => column.name)).toContain('coverage_state')
    const kept = await sql<{ headline: string; tagId: number }>`select a.headline,
        t.tag_id as "tagId" from articles a join article_tags t on t.article_id = a.id`.execute(db)
    expect(kept.rows).toEqual([{ headline: 'Kept', tagId: 3 }])
    await sql`update articles set type = 'live', coverage_state = 'live' where id = 7`.execute(db)
    await expect(sql`update articles set type = 'blog' where id = 7`.execute(db)).rejects.toThrow()
    // Foreign keys still hold, and still cascade, against the rebuilt table.
    await expect(
      sql`insert into article_tags (article_id, tag_id, position) values (8, 3, 0)`.execute(db),
    ).rejects.toThrow()
    await sql`delete from articles where id = 7`.execute(db)
    const links = await sql`select * from article_tags`.execute(db)
    expect(links.rows).toEqual([])
  })
})
