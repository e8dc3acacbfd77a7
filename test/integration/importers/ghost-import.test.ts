import { join } from 'node:path'
import { expect, it } from 'vitest'
import { importGhost } from '../../../src/importers/ghost/import-ghost.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const GHOST_EXPORT = join(
  new URL('../../fixtures/imports/ghost/', import.meta.url).pathname,
  'ghost-5-export.json',
)

describeEachDatabase('Ghost import of a real Ghost 5 export', (store) => {
  const run = () => importGhost({ db: store().db, path: GHOST_EXPORT, now: () => TEST_NOW })

  it('imports every post, the page, the tags and the author, the Arabic post in the Arabic edition', async () => {
    const report = await run()
    expect(report.failed).toEqual([])
    expect(report.imported).toMatchObject({ articles: 39, pages: 1, authors: 1 })
    // Each of the 50 tags became a section (first tag of a post) or a tag.
    expect((report.imported.sections ?? 0) + (report.imported.tags ?? 0)).toBe(50)
    const { db } = store()
    const statuses = await db
      .selectFrom('articles')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute()
    expect(Object.fromEntries(statuses.map((row) => [row.status, Number(row.count)]))).toEqual({
      published: 37,
      draft: 1,
      scheduled: 1,
    })
    const arabic = await db
      .selectFrom('articles')
      .select(['slug', 'headline', 'bodyHtml'])
      .where('language', '=', 'ar')
      .execute()
    expect(arabic).toHaveLength(1)
    expect(arabic[0]?.slug).toBe('mht-thly')
    expect(arabic[0]?.bodyHtml).toContain('<blockquote>')
    const bylines = await db.selectFrom('articleAuthors').select('articleId').execute()
    expect(bylines).toHaveLength(39)
  })

  it('updates instead of duplicating on a second run', async () => {
    const report = await run()
    expect(report.imported).toEqual({})
    expect(report.updated).toEqual({ articles: 39, pages: 1 })
    const articles = await store().db.selectFrom('articles').select('id').execute()
    expect(articles).toHaveLength(39)
  })
})
