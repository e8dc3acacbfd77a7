import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openStore, type Store } from '../../../src/db/create-database.js'
import { refreshPlannerStatistics } from '../../../src/db/dialect-sql.js'
import type { NewArticle } from '../../../src/modules/articles/article.js'
import { dayOf, recordPageViews } from '../../../src/modules/analytics/page-view-queries.js'
import { createArticles } from '../../../src/modules/articles/article-queries.js'
import { paragraph } from '../../../src/modules/articles/document/article-document.js'
import { findOrCreateTags } from '../../../src/modules/tags/tag-queries.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import {
  buildAuthor,
  buildEditions,
  buildSection,
  buildSource,
  hoursAgo,
  TEST_NOW,
} from '../../helpers/factories.js'
import { explainQuery, recordQueries, type PlanStep } from '../../helpers/query-plans.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

/** Tables that grow with the archive: no page may read one of them whole, or sort its rows. */
const GROWING_TABLES = [
  'articles',
  'article_tags',
  'article_authors',
  'article_references',
  'search_documents',
  'media',
  'page_views',
]
const ARTICLES = 3000

/** Partial indexes of a handful of rows, which a page may read whole: the pinned stories. */
const SMALL_INDEXES = ['articles_pinned_idx']

/**
 * Sorts that stay small whatever the archive's size: the pinned stories (a partial index of a
 * handful of rows), the merge of a section with its sub-sections, whose arms each read at most
 * one window of keys from their index, and the week's most read (a week of page views).
 */
function isBoundedSort(steps: PlanStep[]): boolean {
  const texts = steps.map((step) => step.text)
  return (
    steps.some((step) => step.index === 'articles_pinned_idx' || step.table === 'page_views') ||
    texts.some((text) => /UNION ALL|^Append/.test(text))
  )
}

/**
 * An archive large enough that each database's planner weighs its indexes as it would on a big
 * one: one huge tag on two articles in five, a long tail of small tags, a few authors and
 * sources, a section with a sub-section, both editions, a month of page views.
 */
async function fillArchive(
  store: Store,
): Promise<{ section: string; tag: string; author: string; source: string }> {
  const { db } = store
  await buildEditions(db)
  const sectionId = await buildSection(db, { slug: 'world' })
  const subSectionId = await buildSection(db, { parentId: sectionId, slug: 'europe' })
  const otherSectionId = await buildSection(db, { slug: 'sport' })
  const authorIds = [await buildAuthor(db), await buildAuthor(db), await buildAuthor(db)]
  const sourceIds = [await buildSource(db), await buildSource(db)]
  const tagNames = ['Politics', ...Array.from({ length: 60 }, (_, index) => `Topic ${index}`)]
  const tags = {
    en: await findOrCreateTags(db, { language: 'en', names: tagNames }, TEST_NOW),
    ar: await findOrCreateTags(db, { language: 'ar', names: tagNames }, TEST_NOW),
  }
  const inputs: NewArticle[] = Array.from({ length: ARTICLES }, (_, index) => {
    const language = index % 2 === 0 ? 'en' : 'ar'
    const ofEdition = tags[language]
    const tagIds = [ofEdition[1 + (index % 60)]?.id ?? 0]
    if (index % 5 < 2) tagIds.push(ofEdition[0]?.id ?? 0)
    return {
      language,
      sectionId: [sectionId, subSectionId, otherSectionId][index % 3] ?? sectionId,
      status: index % 50 === 0 ? 'draft' : 'published',
      headline: `Story ${index} about harvest and rain`,
      bodyDoc: { type: 'doc', content: [paragraph(`The body of story ${index}, on rain.`)] },
      publishedAt: index % 50 === 0 ? null : hoursAgo(ARTICLES - index),
      authorIds: [authorIds[index % 3] ?? 0],
      sourceId: index % 4 === 0 ? (sourceIds[index % 2] ?? null) : null,
      tagIds,
    }
  })
  const ids = await createArticles(db, inputs, TEST_NOW)
  // A month of readers on the newest articles: the most-read block reads a week of it.
  for (let day = 0; day < 30; day++)
    for (const articleId of ids.slice(-60))
      await recordPageViews(db, {
        articleId,
        day: dayOf(new Date(TEST_NOW.getTime() - day * 86_400_000)),
        views: 1 + ((articleId * 7 + day) % 50),
      })
  // As a server does when it starts (SQLite), and as autovacuum does in time (PostgreSQL).
  if (store.dialect === 'postgres') await sql`analyze`.execute(db)
  else await refreshPlannerStatistics(db)
  return { section: 'world', tag: tags.en[0]?.slug ?? '', author: 'author', source: 'agency' }
}

describeEachDatabase('the query plans of the public pages', (store) => {
  let app: FastifyInstance
  let recorded: Store
  const recorder = recordQueries()
  const paths: Record<string, string> = {}

  beforeAll(async () => {
    const names = await fillArchive(store())
    const slugOf = async (table: 'authors' | 'sources') =>
      (await store().db.selectFrom(table).select('slug').orderBy('id').executeTakeFirstOrThrow())
        .slug
    Object.assign(paths, {
      home: '/en/',
      section: `/en/${names.section}/`,
      tag: `/en/tag/${names.tag}`,
      author: `/en/author/${await slugOf('authors')}`,
      source: `/en/source/${await slugOf('sources')}`,
      deepSection: `/en/${names.section}/?page=40`,
      sitemap: `/sitemaps/articles-en-${hoursAgo(10).slice(0, 7)}.xml`,
    })
    // A second store on the same database, whose log records each query a page runs.
    recorded = await openStore(store().databaseConfig, { log: recorder.log })
    app = await createTestApp(recorded, { env: { MASTHEAD_PAGE_CACHE_MB: '0' } })
  })
  afterAll(async () => {
    await app.close()
  })

  /** The plan steps of every query a page runs, after a first request has warmed its memos. */
  async function stepsOf(path: string): Promise<PlanStep[][]> {
    expect((await app.inject(path)).statusCode, path).toBe(200)
    recorder.take()
    expect((await app.inject(path)).statusCode, path).toBe(200)
    const queries = recorder.take()
    return Promise.all(
      queries.map(async (query) => {
        const steps = await explainQuery(recorded.db, store().dialect, query, { asIfLarge: true })
        return steps.map((step) => ({ ...step, text: `${step.text}   <- ${query.sql}` }))
      }),
    )
  }

  function expectNoScanOfGrowingTables(plans: PlanStep[][], { maySort = false } = {}): void {
    for (const steps of plans) {
      const text = steps.map((step) => step.text).join('\n')
      const readsGrowing = steps.some((step) => GROWING_TABLES.includes(step.table ?? ''))
      for (const step of steps) {
        if (step.isFullScan && !SMALL_INDEXES.includes(step.index ?? ''))
          expect(GROWING_TABLES, text).not.toContain(step.table)
      }
      if (readsGrowing && !maySort && !isBoundedSort(steps))
        expect(
          steps.some((step) => step.isSort),
          text,
        ).toBe(false)
    }
  }

  const indexesOf = (plans: PlanStep[][]) => new Set(plans.flat().map((step) => step.index))

  it.each([
    ['home', 'articles_edition_latest_idx'],
    ['section', 'articles_section_latest_idx'],
    ['deepSection', 'articles_section_latest_idx'],
    ['tag', 'article_tags_listing_idx'],
    ['author', 'article_authors_listing_idx'],
    ['source', 'articles_source_latest_idx'],
  ])('reads the %s page from %s, and no growing table whole', async (page, index) => {
    const plans = await stepsOf(paths[page] ?? '')
    expect([...indexesOf(plans)], JSON.stringify(plans.flat().map((step) => step.text))).toContain(
      index,
    )
    expectNoScanOfGrowingTables(plans)
  })

  it('reads a monthly sitemap from the edition index, grouping one month only', async () => {
    const plans = await stepsOf(paths['sitemap'] ?? '')
    expect([...indexesOf(plans)]).toContain('articles_edition_latest_idx')
    expectNoScanOfGrowingTables(plans, { maySort: true })
  })

  it('counts a listing from its kept count, not by reading the listing', async () => {
    for (const page of ['section', 'tag', 'author', 'source']) {
      const plans = await stepsOf(paths[page] ?? '')
      const counts = plans.filter((steps) => steps.some((step) => step.table === 'listing_counts'))
      expect(counts, page).toHaveLength(1)
    }
  })
})
