import { sql, type Kysely } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import type { Database } from '../../../src/db/database.js'
import { listPublishedArticles } from '../../../src/modules/articles/article-queries.js'
import { updateArticle } from '../../../src/modules/articles/article-updates.js'
import {
  deleteTag,
  findOrCreateTags,
  moveArticlesToTag,
} from '../../../src/modules/tags/tag-queries.js'
import {
  buildArticle,
  buildAuthor,
  buildEditions,
  buildSection,
  buildSource,
  hoursAgo,
  TEST_NOW,
} from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

type Count = { listing: string; listingId: number; language: string; published: number }

const counted = (alias = 'articles') =>
  sql.raw(`${alias}.status = 'published' and ${alias}.published_at is not null`)

/** Every listing's count recomputed from the rows themselves, the truth the kept counts follow. */
async function recount(db: Kysely<Database>): Promise<Count[]> {
  const { rows } = await sql<Count>`
    select 'edition' as listing, 0 as "listingId", language, count(*) as published
      from articles where ${counted()} group by language
    union all select 'section', section_id, language, count(*)
      from articles where ${counted()} group by section_id, language
    union all select 'source', source_id, language, count(*)
      from articles where ${counted()} and source_id is not null group by source_id, language
    union all select 'tag', t.tag_id, a.language, count(*) from article_tags t
      join articles a on a.id = t.article_id where ${counted('a')} group by t.tag_id, a.language
    union all select 'author', l.author_id, a.language, count(*) from article_authors l
      join articles a on a.id = l.article_id where ${counted('a')}
      group by l.author_id, a.language`.execute(db)
  return normalised(rows)
}

function normalised(rows: Count[]): Count[] {
  return rows
    .map((row) => ({ ...row, listingId: Number(row.listingId), published: Number(row.published) }))
    .filter((row) => row.published !== 0)
    .sort((a, b) =>
      `${a.listing}/${a.listingId}/${a.language}`.localeCompare(
        `${b.listing}/${b.listingId}/${b.language}`,
      ),
    )
}

/** Kept counts equal recounted ones, and every link row carries its article's edition, status, time. */
async function expectInStep(db: Kysely<Database>): Promise<void> {
  const kept = await db.selectFrom('listingCounts').selectAll().execute()
  expect(normalised(kept)).toEqual(await recount(db))
  for (const table of ['article_tags', 'article_authors']) {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from ${sql.table(table)} l join articles a on a.id = l.article_id
      where l.language is distinct from a.language or l.status is distinct from a.status
        or l.published_at is distinct from a.published_at`.execute(db)
    expect(Number(rows[0]?.n), table).toBe(0)
  }
}

describeEachDatabase('listing counts and the link rows’ copies', (store) => {
  beforeAll(async () => {
    await buildEditions(store().db)
  })

  it('follow articles through creation, edits, moves between tags, and deletions', async () => {
    const { db } = store()
    const [sectionA, sectionB] = [await buildSection(db), await buildSection(db)]
    const [authorA, authorB] = [await buildAuthor(db), await buildAuthor(db)]
    const sourceId = await buildSource(db)
    const [water, drought] = await findOrCreateTags(
      db,
      { language: 'en', names: ['Water', 'Drought'] },
      TEST_NOW,
    )
    const tagIds = [water?.id ?? 0, drought?.id ?? 0]
    const live = await buildArticle(db, {
      sectionId: sectionA,
      sourceId,
      tagIds,
      authorIds: [authorA, authorB],
    })
    const draft = await buildArticle(db, {
      sectionId: sectionA,
      status: 'draft',
      publishedAt: null,
      tagIds: [water?.id ?? 0],
      authorIds: [authorA],
    })
    const future = await buildArticle(db, {
      sectionId: sectionB,
      publishedAt: hoursAgo(-5),
      tagIds,
      authorIds: [authorB],
    })
    await expectInStep(db)

    const edit = (id: number, changes: Parameters<typeof updateArticle>[1]['changes']) =>
      db
        .selectFrom('articles')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
        .then(({ version }) =>
          updateArticle(db, { id, changes, updatedBy: null, expectedVersion: version }, TEST_NOW),
        )
    await edit(draft, { status: 'published', publishedAt: hoursAgo(2) })
    await expectInStep(db)
    await edit(live, { sectionId: sectionB, sourceId: null, tagIds: [drought?.id ?? 0] })
    await expectInStep(db)
    await edit(future, { status: 'unpublished' })
    await expectInStep(db)
    await edit(live, { language: 'ar' })
    await expectInStep(db)

    await moveArticlesToTag(db, { fromTagId: water?.id ?? 0, toTagId: drought?.id ?? 0 })
    await expectInStep(db)
    await deleteTag(db, drought?.id ?? 0)
    await expectInStep(db)
    await db.deleteFrom('articles').where('id', '=', draft).execute()
    await expectInStep(db)
  })

  it('give each listing the page count of its live articles, those still to come left out', async () => {
    const { db } = store()
    const sectionId = await buildSection(db)
    const subSectionId = await buildSection(db, { parentId: sectionId })
    const authorId = await buildAuthor(db)
    const sourceId = await buildSource(db)
    const [tag] = await findOrCreateTags(db, { language: 'en', names: ['Harvest'] }, TEST_NOW)
    const tagId = tag?.id ?? 0
    const shared = { tagIds: [tagId], authorIds: [authorId], sourceId }
    const ids: number[] = []
    for (let index = 0; index < 5; index++)
      ids.push(await buildArticle(db, { ...shared, sectionId, publishedAt: hoursAgo(10 + index) }))
    ids.push(
      await buildArticle(db, { ...shared, sectionId: subSectionId, publishedAt: hoursAgo(1) }),
    )
    const upcoming = await buildArticle(db, { ...shared, sectionId, publishedAt: hoursAgo(-3) })
    await buildArticle(db, { ...shared, sectionId, status: 'draft', publishedAt: null })

    const filters = [
      { language: 'en', sectionIds: [sectionId, subSectionId] },
      { language: 'en', tagId },
      { language: 'en', authorId },
      { language: 'en', sourceId },
    ]
    for (const filter of filters) {
      const first = await listPublishedArticles(db, filter, { page: 1, pageSize: 4 }, TEST_NOW)
      const second = await listPublishedArticles(db, filter, { page: 2, pageSize: 4 }, TEST_NOW)
      expect(first.total, JSON.stringify(filter)).toBe(6)
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual([
        ids[5],
        ...ids.slice(0, 5),
      ])
      const later = new Date(TEST_NOW.getTime() + 4 * 3_600_000)
      const whenDue = await listPublishedArticles(db, filter, { pageSize: 4 }, later)
      expect(whenDue.total).toBe(7)
      expect(whenDue.items[0]?.id).toBe(upcoming)
    }
  })
})
