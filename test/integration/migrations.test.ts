import { sql } from 'kysely'
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
})
