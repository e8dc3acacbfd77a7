import { beforeAll, expect, it } from 'vitest'
import { paragraph } from '../../../src/modules/articles/document/article-document.js'
import { createSearchIndex, type SearchIndex } from '../../../src/modules/search/search-index.js'
import { subscribeSearchIndex } from '../../../src/modules/search/subscribe-search-index.js'
import type { ContentEvent } from '../../../src/platform/events.js'
import { openEventOutbox } from '../../../src/platform/outbox/event-outbox.js'
import { buildArticle, buildSource, hoursAgo, TEST_NOW } from '../../helpers/factories.js'
import { recordAndDeliver } from '../../helpers/outbox-events.js'
import { loadSearchCorpus, type LoadedCorpus } from '../../helpers/search-corpus.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const HOSTILE_QUERIES = [
  '"unbalanced quote',
  'library"',
  '* : ^ ( ) NEAR AND',
  'NEAR(library bus, 2)',
  'library AND OR NOT',
  'column:library',
  '^library*',
  "'; drop table articles; --",
  'the of and',
  'في من على',
  '\u064E\u064F\u0650\u0651',
  '\u0000\u0007\u001B[31m library',
  '\u200F\u202Eمكتبة\u202C\u2066',
  'ﷺ ﻻ',
  'x'.repeat(10_240),
  'مكتبة '.repeat(2000),
  '-',
  '""',
  'OR',
  '\\',
]

describeEachDatabase('search index', (store) => {
  let corpus: LoadedCorpus
  let index: SearchIndex
  const db = () => store().db
  const keysOf = async (...args: Parameters<SearchIndex['search']>) =>
    (await index.search(...args)).items.map((hit) => corpus.keys.get(hit.article.id))

  beforeAll(async () => {
    corpus = await loadSearchCorpus(db())
    index = createSearchIndex({ db: db(), now: () => TEST_NOW })
    const progress: number[] = []
    expect(await index.rebuild(({ done }) => progress.push(done))).toBe(corpus.ids.size)
    expect(progress.at(-1)).toBe(corpus.ids.size)
  })

  it('answers every hostile query with a result or nothing, never an error', async () => {
    for (const query of HOSTILE_QUERIES) {
      const page = await index.search({ query }, {})
      expect(page.total, JSON.stringify(query.slice(0, 40))).toBeGreaterThanOrEqual(0)
    }
    expect((await index.search({ query: 'the of and' }, {})).total).toBe(0)
    expect((await index.search({ query: '\u200F\u202Eمكتبة\u202C' }, {})).total).toBeGreaterThan(0)
    expect(await db().selectFrom('articles').select('id').limit(1).execute()).toHaveLength(1)
  })

  it('ranks a match in the headline above one in the body, even a newer one', async () => {
    const keys = await keysOf({ query: 'library', language: 'en' }, {})
    expect(keys.slice(0, 2)).toEqual(['en-library', 'en-reading'])
  })

  it('lifts the newer of two equal matches', async () => {
    const sectionId = corpus.sections.get('local') ?? 0
    const text = { headline: 'Lighthouse keeper retires', dek: '', sectionId }
    const older = await buildArticle(db(), { ...text, publishedAt: hoursAgo(24 * 90) })
    const newer = await buildArticle(db(), { ...text, publishedAt: hoursAgo(24) })
    await index.indexArticles([older, newer])
    const page = await index.search({ query: 'lighthouse' }, {})
    expect(page.items.map((hit) => hit.article.id)).toEqual([newer, older])
    await index.removeArticles([older, newer])
  })

  it('sorts by date, pages through results and counts them all', async () => {
    const byDate = await keysOf({ query: 'council', language: 'en', sort: 'date' }, { pageSize: 2 })
    expect(byDate).toEqual(['en-bus', 'en-bread'])
    const second = await index.search(
      { query: 'council', language: 'en', sort: 'date' },
      { page: 2, pageSize: 2 },
    )
    expect(second.total).toBe(4)
    expect(second.pageCount).toBe(2)
    expect(second.items.map((hit) => corpus.keys.get(hit.article.id))).toEqual([
      'en-teachers',
      'en-trees',
    ])
  })

  it('filters by edition, section, tag, author, source and date range', async () => {
    const tag = await db()
      .selectFrom('tags')
      .select('id')
      .where('name', '=', 'Transport')
      .executeTakeFirstOrThrow()
    expect(await keysOf({ query: 'Python' }, {})).toHaveLength(2)
    expect(await keysOf({ query: 'Python', language: 'ar' }, {})).toEqual(['ar-python'])
    expect(
      await keysOf({ query: 'council', sectionIds: [corpus.sections.get('economy') ?? 0] }, {}),
    ).toEqual(['en-bread'])
    expect((await keysOf({ query: 'new', tagId: tag.id }, {})).sort()).toEqual([
      'en-bus',
      'en-port',
    ])
    expect(
      await keysOf({ query: 'library', authorId: corpus.authors.get('layla') ?? 0 }, {}),
    ).toEqual(['en-library'])
    expect(await keysOf({ query: 'council', from: hoursAgo(10), to: hoursAgo(6.5) }, {})).toEqual([
      'en-bread',
    ])
    const sourceId = await buildSource(db())
    const sourced = await buildArticle(db(), { headline: 'Agency report on lighthouses', sourceId })
    await index.indexArticles([sourced])
    expect((await index.search({ query: 'lighthouse', sourceId }, {})).items).toHaveLength(1)
    expect((await index.search({ query: 'agency', sourceId: sourceId + 1 }, {})).total).toBe(0)
  })

  it('finds drafts only when asked to include unpublished articles, by status', async () => {
    const draft = await buildArticle(db(), {
      headline: 'Draft about the observatory',
      status: 'draft',
      publishedAt: null,
    })
    await index.indexArticles([draft])
    expect((await index.search({ query: 'observatory' }, {})).total).toBe(0)
    expect((await index.search({ query: 'observatory', includeUnpublished: true }, {})).total).toBe(
      1,
    )
    expect(
      (
        await index.search(
          { query: 'observatory', includeUnpublished: true, statuses: ['published'] },
          {},
        )
      ).total,
    ).toBe(0)
  })

  it('keeps scheduled articles out of public results until their time', async () => {
    const future = await buildArticle(db(), {
      headline: 'Planetarium opening',
      publishedAt: new Date(TEST_NOW.getTime() + 3_600_000).toISOString(),
    })
    await index.indexArticles([future])
    expect((await index.search({ query: 'planetarium' }, {})).total).toBe(0)
  })

  it('returns the headline, dek and a body snippet with the matched words marked', async () => {
    const [hit] = (await index.search({ query: 'مكتبات', language: 'ar' }, {})).items
    expect(hit?.headline.filter((segment) => segment.isMatch).map((s) => s.text)).toEqual(['مكتبة'])
    expect(hit?.snippet.some((segment) => segment.isMatch && segment.text === 'المكتبات')).toBe(
      true,
    )
  })

  it('follows the newsroom through the outbox', async () => {
    const errors: unknown[] = []
    const outbox = await openEventOutbox({
      db: db(),
      pollIntervalMs: 60_000,
      onError: (error) => errors.push(error),
    })
    subscribeSearchIndex(outbox, index)
    const event = (entity: ContentEvent['entity'], action: ContentEvent['action'], id: number) =>
      recordAndDeliver(db(), outbox, { entity, action, id, occurredAt: TEST_NOW.toISOString() })
    const found = async (query: string) => (await index.search({ query }, {})).total

    const id = await buildArticle(db(), { headline: 'Windmill restored', status: 'draft' })
    await event('article', 'created', id)
    expect(await found('windmill')).toBe(0)
    await db()
      .updateTable('articles')
      .set({ status: 'published', publishedAt: hoursAgo(1) })
      .where('id', '=', id)
      .execute()
    await event('article', 'published', id)
    expect(await found('windmill')).toBe(1)

    await db()
      .updateTable('articles')
      .set({ headline: 'Watermill restored' })
      .where('id', '=', id)
      .execute()
    await event('article', 'updated', id)
    expect(await found('windmill')).toBe(0)
    expect(await found('watermill')).toBe(1)

    await db().updateTable('articles').set({ status: 'unpublished' }).where('id', '=', id).execute()
    await event('article', 'unpublished', id)
    expect(await found('watermill')).toBe(0)

    await db().updateTable('articles').set({ status: 'published' }).where('id', '=', id).execute()
    await event('article', 'published', id)
    await db().deleteFrom('articles').where('id', '=', id).execute()
    await event('article', 'deleted', id)
    expect(await found('watermill')).toBe(0)

    const sectionId = corpus.sections.get('sport') ?? 0
    await db()
      .updateTable('sectionTranslations')
      .set({ name: 'Athletics' })
      .where('sectionId', '=', sectionId)
      .where('language', '=', 'en')
      .execute()
    expect(await found('athletics')).toBe(0)
    await event('section', 'updated', sectionId)
    expect(await found('athletics')).toBe(1)

    const author = corpus.authors.get('omar') ?? 0
    await db()
      .updateTable('authors')
      .set({ name: JSON.stringify({ en: 'Omar Qasim', ar: 'عمر قاسم' }) })
      .where('id', '=', author)
      .execute()
    await event('author', 'updated', author)
    expect(await found('qasim')).toBe(5)
    expect(errors).toEqual([])
    await outbox.stop()
  })

  it('indexes a batch of articles with a fixed number of queries', async () => {
    const ids = [...corpus.ids.values()]
    let queries = 0
    const counting = createSearchIndex({
      db: db().withPlugin({
        transformQuery: (args) => {
          queries += 1
          return args.node
        },
        transformResult: (args) => Promise.resolve(args.result),
      }),
      now: () => TEST_NOW,
    })
    await counting.indexArticles(ids.slice(0, 3))
    const forThree = queries
    queries = 0
    await counting.indexArticles(ids)
    expect(queries).toBe(forThree)
  })

  it('builds the index from the normalised text of a body with diacritics', async () => {
    const id = await buildArticle(db(), {
      headline: 'نص',
      bodyDoc: { type: 'doc', content: [paragraph('كَتَبَ الوَلَدُ الدَّرْسَ فِي المَدْرَسَةِ')] },
    })
    await index.indexArticles([id])
    expect((await index.search({ query: 'كتب الولد' }, {})).items[0]?.article.id).toBe(id)
  })
})
