import { sql, type Kysely } from 'kysely'
import type { ArticleStatus, Database } from '../../db/database.js'
import { resolvePageRequest, toPage, type Page, type PageRequest } from '../../db/pagination.js'
import { withTransaction } from '../../db/transaction.js'
import type { Article } from '../articles/article.js'
import { findArticlesByIds } from '../articles/article-queries.js'
import { documentPlainText } from '../articles/document/render-document.js'
import { articlesOwnedBy } from '../articles/newsroom-article-queries.js'
import { highlightText, snippetOf, type TextSegment } from './highlight-text.js'
import { isSearchable, parseSearchQuery, positiveTerms } from './parse-search-query.js'
import { buildSearchDocuments } from './search-documents.js'
import { fullTextMatch, optimizeSearchIndex } from './search-dialect.js'
import { isLiveIn } from '../articles/article-rules.js'

const DAY_MS = 86_400_000
/** Articles indexed per batch: one set of queries and one insert each. */
const BATCH_SIZE = 500
/**
 * How many of a query's newest matches are ranked, and counted: beyond it, a result list ends and
 * its total reads "more than".
 */
export const MOST_RANKED = 500
/** The recency boost: a match from today counts double, one from 30 days ago 1.5 times. */
const RECENCY_HALF_DAYS = 30

/** What a search asks for; everything but the query is optional. */
export interface SearchInput {
  query: string
  language?: string
  /** A section and its sub-sections: pass sectionWithDescendantIds(). */
  sectionIds?: number[]
  tagId?: number
  authorId?: number
  sourceId?: number
  /** Published at or after (ISO 8601). */
  from?: string
  /** Published before (ISO 8601). */
  to?: string
  sort?: 'relevance' | 'date'
  /**
   * Off (the public site, the Content API): live articles only. On (the admin's search, within
   * the user's rights): any status, or those in `statuses`.
   */
  includeUnpublished?: boolean
  statuses?: ArticleStatus[]
  /** Only articles this user created or is bylined on (contributors' and authors' searches). */
  ownedByUserId?: number
}

/** One result: the article and its headline, dek and a body snippet with the matches marked. */
export interface SearchHit {
  article: Article
  headline: TextSegment[]
  dek: TextSegment[]
  snippet: TextSegment[]
}

/** A page of hits; past MOST_RANKED matches the total stops counting and says so. */
export interface SearchResults extends Page<SearchHit> {
  isTotalCapped: boolean
}

export interface RebuildProgress {
  done: number
  total: number
}

export interface SearchIndex {
  /** (Re)indexes these articles; ids of articles that no longer exist are removed. */
  indexArticles(articleIds: number[]): Promise<void>
  removeArticles(articleIds: number[]): Promise<void>
  /** Reindexes the articles of these sections, tags, authors or sources (after a rename). */
  indexArticlesOf(scope: {
    sectionIds?: number[]
    tagIds?: number[]
    authorIds?: number[]
    sourceIds?: number[]
  }): Promise<number>
  /** Reindexes every article in batches, reporting after each; returns how many. */
  rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<number>
  search(input: SearchInput, page: PageRequest): Promise<SearchResults>
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = []
  for (let index = 0; index < items.length; index += size)
    result.push(items.slice(index, index + size))
  return result
}

/** The search index over the articles, on the store's database (SQLite FTS5 or PostgreSQL). */
export function createSearchIndex({
  db,
  now = () => new Date(),
}: {
  db: Kysely<Database>
  /** The clock of live-ness and recency. */
  now?: () => Date
}): SearchIndex {
  async function indexBatch(ids: number[]): Promise<void> {
    const unique = [...new Set(ids)]
    const documents = await buildSearchDocuments(db, unique)
    await withTransaction(db, async (trx) => {
      await trx.deleteFrom('searchDocuments').where('articleId', 'in', unique).execute()
      if (documents.length) await trx.insertInto('searchDocuments').values(documents).execute()
    })
  }

  async function indexArticles(articleIds: number[]): Promise<void> {
    for (const batch of chunks(articleIds, BATCH_SIZE)) await indexBatch(batch)
  }

  async function search(input: SearchInput, pageRequest: PageRequest): Promise<SearchResults> {
    const request = resolvePageRequest(pageRequest)
    const query = parseSearchQuery(input.query)
    if (!isSearchable(query)) return { ...toPage([], 0, request), isTotalCapped: false }
    const instant = now()
    const match = fullTextMatch(db, query)
    let filtered = match.documents
    if (input.language) filtered = filtered.where('d.language', '=', input.language)
    if (!input.includeUnpublished) {
      filtered = filtered.where(isLiveIn('d', instant.toISOString()))
    } else if (input.statuses?.length) {
      filtered = filtered.where('d.status', 'in', input.statuses)
    }
    if (input.sectionIds)
      filtered = filtered.where(
        'd.sectionId',
        'in',
        input.sectionIds.length ? input.sectionIds : [-1],
      )
    if (input.sourceId !== undefined) filtered = filtered.where('d.sourceId', '=', input.sourceId)
    if (input.from) filtered = filtered.where('d.publishedAt', '>=', input.from)
    if (input.to) filtered = filtered.where('d.publishedAt', '<', input.to)
    const { tagId, authorId, ownedByUserId } = input
    if (ownedByUserId !== undefined)
      filtered = filtered.where('d.articleId', 'in', (eb) => articlesOwnedBy(eb, ownedByUserId))
    if (tagId !== undefined)
      filtered = filtered.where('d.articleId', 'in', (eb) =>
        eb.selectFrom('articleTags').select('articleId').where('tagId', '=', tagId),
      )
    if (authorId !== undefined)
      filtered = filtered.where('d.articleId', 'in', (eb) =>
        eb.selectFrom('articleAuthors').select('articleId').where('authorId', '=', authorId),
      )
    // Rank the newest matches only: a word found in half the archive would otherwise be scored
    // in every article (seconds at 100,000), and news readers want this year's articles first.
    const candidates = filtered
      .select(['d.articleId', 'd.datedDay', ...match.candidates])
      .orderBy(match.newestFirst, 'desc')
      .limit(MOST_RANKED)
      .as('c')
    const today = instant.getTime() / DAY_MS
    const halfDays = sql.raw(RECENCY_HALF_DAYS.toFixed(1))
    const age = sql<number>`(case when ${today} > c.dated_day then ${today} - c.dated_day else 0 end)`
    const score = sql<number>`${match.relevance} * (1.0 + ${halfDays} / (${halfDays} + ${age}))`
    let ordered = db.selectFrom(candidates).select(['c.articleId', score.as('score')])
    ordered =
      input.sort === 'date'
        ? ordered.orderBy('c.datedDay', 'desc').orderBy('c.articleId', 'desc')
        : ordered.orderBy('score', 'desc').orderBy('c.articleId', 'desc')
    const counted = filtered
      .select('d.articleId')
      .limit(MOST_RANKED + 1)
      .as('counted')
    const [rows, count] = await Promise.all([
      ordered.limit(request.pageSize).offset(request.offset).execute(),
      db
        .selectFrom(counted)
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow(),
    ])
    const articles = await findArticlesByIds(
      db,
      rows.map((row) => row.articleId),
    )
    const terms = new Set(positiveTerms(query))
    const isoNow = instant.toISOString()
    const hits = rows
      .map((row) => articles.get(row.articleId))
      .filter((article): article is Article => article !== undefined)
      // The index follows the articles through events; a live check here covers a missed one.
      .filter(
        (article) =>
          input.includeUnpublished ||
          (article.status === 'published' && (article.publishedAt ?? '') <= isoNow),
      )
      .map((article) => ({
        article,
        headline: highlightText(article.headline, terms),
        dek: highlightText(article.dek, terms),
        snippet: snippetOf(documentPlainText(article.bodyDoc), terms),
      }))
    const total = Number(count.total)
    return {
      ...toPage(hits, Math.min(total, MOST_RANKED), request),
      isTotalCapped: total > MOST_RANKED,
    }
  }

  return {
    indexArticles,
    async removeArticles(articleIds) {
      for (const batch of chunks([...new Set(articleIds)], BATCH_SIZE))
        await db.deleteFrom('searchDocuments').where('articleId', 'in', batch).execute()
    },
    async indexArticlesOf(scope) {
      const ids = new Set<number>()
      const add = (rows: { id: number }[]) => rows.forEach((row) => ids.add(row.id))
      if (scope.sectionIds?.length)
        add(
          await db
            .selectFrom('articles')
            .select('id')
            .where('sectionId', 'in', scope.sectionIds)
            .execute(),
        )
      if (scope.sourceIds?.length)
        add(
          await db
            .selectFrom('articles')
            .select('id')
            .where('sourceId', 'in', scope.sourceIds)
            .execute(),
        )
      if (scope.tagIds?.length)
        add(
          await db
            .selectFrom('articleTags')
            .select('articleId as id')
            .where('tagId', 'in', scope.tagIds)
            .execute(),
        )
      if (scope.authorIds?.length)
        add(
          await db
            .selectFrom('articleAuthors')
            .select('articleId as id')
            .where('authorId', 'in', scope.authorIds)
            .execute(),
        )
      await indexArticles([...ids])
      return ids.size
    },
    async rebuild(onProgress) {
      const { total } = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow()
      // Documents of articles that are gone (none, unless rows were removed behind the events' back).
      await db
        .deleteFrom('searchDocuments')
        .where('articleId', 'not in', (eb) => eb.selectFrom('articles').select('id'))
        .execute()
      let done = 0
      let after = 0
      for (;;) {
        const batch = await db
          .selectFrom('articles')
          .select('id')
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH_SIZE)
          .execute()
        if (batch.length === 0) break
        await indexBatch(batch.map((row) => row.id))
        after = batch.at(-1)?.id ?? after
        done += batch.length
        onProgress?.({ done, total: Math.max(Number(total), done) })
      }
      await optimizeSearchIndex(db)
      return done
    },
    search,
  }
}
