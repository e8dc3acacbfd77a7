import { beforeAll, expect, it } from 'vitest'
import type { NewArticle } from '../../../src/modules/articles/article.js'
import { createArticles } from '../../../src/modules/articles/article-queries.js'
import { rebuildArticleReferences } from '../../../src/modules/articles/article-references.js'
import { updateArticle } from '../../../src/modules/articles/article-updates.js'
import type { ArticleDocument } from '../../../src/modules/articles/document/article-document.js'
import { paragraph } from '../../../src/modules/articles/document/article-document.js'
import { createPage } from '../../../src/modules/pages/page-queries.js'
import { rebuildPageReferences } from '../../../src/modules/pages/page-references.js'
import { buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const body = (...mediaIds: number[]): ArticleDocument => ({
  type: 'doc',
  content: [
    paragraph('Text.'),
    ...mediaIds.map((mediaId) => ({
      type: 'image' as const,
      attrs: { mediaId, src: `/media/${mediaId}.jpg`, alt: '', width: 8, height: 6 },
    })),
  ],
})

describeEachDatabase('body reference rows', (store) => {
  let sectionId: number
  beforeAll(async () => {
    await buildEditions(store().db)
    sectionId = await buildSection(store().db)
  })

  const article = (headline: string, bodyDoc: ArticleDocument): NewArticle => ({
    language: 'en',
    sectionId,
    status: 'draft',
    headline,
    bodyDoc,
  })

  const allRows = async () => ({
    articles: await store()
      .db.selectFrom('articleReferences')
      .selectAll()
      .orderBy('articleId')
      .orderBy('position')
      .execute(),
    pages: await store()
      .db.selectFrom('pageReferences')
      .selectAll()
      .orderBy('pageId')
      .orderBy('position')
      .execute(),
  })

  it('writes the rows of every article a bulk import creates, in a few inserts', async () => {
    const inputs = Array.from({ length: 300 }, (_, index) =>
      article(`Imported ${index}`, body(...Array.from({ length: index % 4 }, (__, n) => n + 1))),
    )
    const ids = await createArticles(store().db, inputs, TEST_NOW)
    const rows = await store()
      .db.selectFrom('articleReferences')
      .select(['articleId', 'targetId'])
      .where('articleId', 'in', ids)
      .orderBy('articleId')
      .orderBy('position')
      .execute()
    expect(rows).toHaveLength(inputs.reduce((sum, _, index) => sum + (index % 4), 0))
    expect(rows.filter((row) => row.articleId === ids[3]).map((row) => row.targetId)).toEqual([
      1, 2, 3,
    ])
  })

  it('leaves the rows of a save that does not change the body, and of a stale save', async () => {
    const [id = 0] = await createArticles(store().db, [article('Kept', body(7))], TEST_NOW)
    const save = (changes: Parameters<typeof updateArticle>[1]['changes'], version: number) =>
      updateArticle(
        store().db,
        { id, changes, updatedBy: null, expectedVersion: version },
        TEST_NOW,
      )
    expect(await save({ headline: 'Kept, renamed' }, 1)).toBe(true)
    expect(await save({ bodyDoc: body(8) }, 1)).toBe(false)
    const rows = await store()
      .db.selectFrom('articleReferences')
      .select('targetId')
      .where('articleId', '=', id)
      .execute()
    expect(rows).toEqual([{ targetId: 7 }])
  })

  it('rebuilds the same rows of articles and pages from their stored bodies', async () => {
    await createPage(
      store().db,
      { language: 'en', slug: 'rebuilt', title: 'Rebuilt', bodyDoc: body(4, 5), status: 'draft' },
      TEST_NOW,
    )
    const before = await allRows()
    expect(before.pages.length).toBeGreaterThanOrEqual(2)
    await store().db.deleteFrom('articleReferences').execute()
    await store().db.deleteFrom('pageReferences').execute()
    await rebuildArticleReferences(store().db)
    await rebuildPageReferences(store().db)
    expect(await allRows()).toEqual(before)
  })
})
