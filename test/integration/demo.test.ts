import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadDemoContent, type DemoSummary } from '../../src/demo/load-demo.js'
import { listPublishedArticles } from '../../src/modules/articles/article-queries.js'
import { creditIn } from '../../src/modules/media/media-credit.js'
import { findMediaByIds } from '../../src/modules/media/media-queries.js'
import { listSections } from '../../src/modules/sections/section-queries.js'
import { getSiteSettings } from '../../src/modules/settings/settings-queries.js'
import { createLocalMediaStorage } from '../../src/platform/storage/local-media-storage.js'
import { buildEditions, TEST_NOW } from '../helpers/factories.js'
import { describeEachDatabase } from '../helpers/test-databases.js'

describeEachDatabase('the demo newsroom', (store) => {
  const mediaFolder = mkdtempSync(join(tmpdir(), 'masthead-demo-media-'))
  const storage = createLocalMediaStorage(mediaFolder)
  let summary: DemoSummary

  beforeAll(async () => {
    await buildEditions(store().db)
    summary = await loadDemoContent(store().db, storage, TEST_NOW)
  })
  afterAll(() => rmSync(mediaFolder, { recursive: true, force: true }))

  it('has at least 40 live articles in each edition, over half of them translations', async () => {
    const { db } = store()
    for (const language of ['en', 'ar']) {
      expect(
        (await listPublishedArticles(db, { language }, {}, TEST_NOW)).total,
      ).toBeGreaterThanOrEqual(40)
    }
    const rows = await db.selectFrom('articles').select(['language', 'translationGroup']).execute()
    const translated = rows.filter((row) => row.translationGroup !== null)
    expect(translated.length * 2).toBeGreaterThanOrEqual(rows.length)
    expect(summary.articles).toBe(rows.length)
  })

  it('spreads the stories over three years, with breaking and featured items', async () => {
    const { db } = store()
    const rows = await db
      .selectFrom('articles')
      .select(['publishedAt', 'isBreaking', 'isFeatured'])
      .execute()
    const ages = rows.map(
      (row) => (TEST_NOW.getTime() - Date.parse(row.publishedAt ?? '')) / 86_400_000,
    )
    expect(Math.min(...ages)).toBeLessThan(1)
    expect(Math.max(...ages)).toBeGreaterThan(365 * 2.5)
    expect(rows.filter((row) => row.isBreaking === 1).length).toBeGreaterThanOrEqual(2)
    expect(rows.filter((row) => row.isFeatured === 1).length).toBeGreaterThanOrEqual(2)
  })

  it('has a two-level section tree, tags, authors, agencies and pages in both languages', async () => {
    const { db } = store()
    const sections = await listSections(db)
    expect(sections.length).toBeGreaterThanOrEqual(6)
    expect(sections.some((section) => section.parentId !== null)).toBe(true)
    expect(
      sections.every((section) => section.translations['en'] && section.translations['ar']),
    ).toBe(true)
    const count = async (table: 'tags' | 'authors' | 'sources') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect(await count('tags')).toBeGreaterThanOrEqual(60)
    expect(await count('authors')).toBeGreaterThanOrEqual(5)
    expect(await count('sources')).toBeGreaterThanOrEqual(5)
    const pages = await db.selectFrom('pages').select(['language', 'slug']).execute()
    for (const language of ['en', 'ar']) {
      expect(pages.filter((page) => page.language === language).map((page) => page.slug)).toEqual(
        expect.arrayContaining(['about', 'contact']),
      )
    }
    expect((await getSiteSettings(db)).siteName['ar']).toBe('ماستهد نيوز')
  })

  it('stores generated gallery pictures whose files exist', async () => {
    const { db } = store()
    const galleries = await db.selectFrom('galleryItems').select(['galleryId', 'mediaId']).execute()
    expect(new Set(galleries.map((item) => item.galleryId)).size).toBeGreaterThanOrEqual(3)
    const media = await db
      .selectFrom('media')
      .select(['storageKey', 'sizeBytes', 'width'])
      .execute()
    for (const item of media) {
      expect((await storage.get(item.storageKey))?.length).toBe(item.sizeBytes)
    }
  })

  it('credits every picture in Arabic script on the Arabic edition, in English on the English', async () => {
    const pictures = await findMediaByIds(
      store().db,
      (await store().db.selectFrom('media').select('id').execute()).map((row) => row.id),
    )
    expect(pictures.size).toBeGreaterThan(0)
    for (const picture of pictures.values()) {
      expect(creditIn(picture, 'ar')).toMatch(/^[\u0600-\u06FF /]+$/)
      expect(creditIn(picture, 'en')).toMatch(/^[A-Za-z /]+$/)
    }
  })

  it('links related stories within the same edition only', async () => {
    const { db } = store()
    const pairs = await db
      .selectFrom('articleRelations')
      .innerJoin('articles as a', 'a.id', 'articleRelations.articleId')
      .innerJoin('articles as b', 'b.id', 'articleRelations.relatedArticleId')
      .select(['a.language as from', 'b.language as to'])
      .execute()
    expect(pairs.length).toBeGreaterThan(0)
    expect(pairs.every((pair) => pair.from === pair.to)).toBe(true)
  })
})
