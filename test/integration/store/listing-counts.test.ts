import { beforeAll, expect, it } from 'vitest'
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
import { expectListingsInStep as expectInStep } from '../../helpers/listing-truth.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

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
