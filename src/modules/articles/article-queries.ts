import { sql, type Kysely, type SelectQueryBuilder, type Selectable } from 'kysely'
import { utcMonthOf } from '../../db/dialect-sql.js'
import type { ArticlesTable, Database } from '../../db/database.js'
import { resolvePageRequest, toPage, type Page, type PageRequest } from '../../db/pagination.js'
import { queryTemplate } from '../../db/query-template.js'
import { withTransaction } from '../../db/transaction.js'
import { slugify } from '../../platform/slugify.js'
import type { Article, ArticleNotice, ArticleSummary, NewArticle } from './article.js'
import { insertArticleReferences } from './article-references.js'
import type { ArticleDocument } from './document/article-document.js'
import { documentPlainText, renderDocumentHtml } from './document/render-document.js'
import { isLiveIn } from './article-rules.js'
import { countListed, readListedKeys, type ListedKey } from './article-listings.js'

const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.language',
  'articles.sectionId',
  'articles.type',
  'articles.headline',
  'articles.dek',
  'articles.slug',
  'articles.excerpt',
  'articles.heroMediaId',
  'articles.heroGalleryId',
  'articles.sourceId',
  'articles.isBreaking',
  'articles.breakingUntil',
  'articles.isFeatured',
  'articles.pinnedPosition',
  'articles.publishedAt',
  'articles.updatedAt',
  'articles.coverageState',
] as const

type SummaryRow = Pick<
  Selectable<ArticlesTable>,
  (typeof SUMMARY_COLUMNS)[number] extends `articles.${infer C}` ? C : never
>

const EXCERPT_LENGTH = 220

function toSummary(row: SummaryRow): ArticleSummary {
  return { ...row, isBreaking: row.isBreaking === 1, isFeatured: row.isFeatured === 1 }
}

/** The first words of a body, cut at a word boundary, for cards and feeds. */
export function excerptOf(document: ArticleDocument): string {
  const text = documentPlainText(document).replace(/\s+/g, ' ').trim()
  if (text.length <= EXCERPT_LENGTH) return text
  const cut = text.slice(0, EXCERPT_LENGTH)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : EXCERPT_LENGTH)}…`
}

/** The row of a new article: the body HTML and, when not given, the slug and excerpt derived. */
function articleRow(input: NewArticle, timestamp: string) {
  return {
    language: input.language,
    translationGroup: input.translationGroup ?? null,
    sectionId: input.sectionId,
    status: input.status,
    type: input.type ?? 'report',
    headline: input.headline,
    dek: input.dek ?? '',
    slug: input.slug ?? (slugify(input.headline) || 'article'),
    bodyDoc: JSON.stringify(input.bodyDoc),
    bodyHtml: renderDocumentHtml(input.bodyDoc),
    excerpt: input.excerpt ?? excerptOf(input.bodyDoc),
    heroMediaId: input.heroMediaId ?? null,
    heroGalleryId: input.heroGalleryId ?? null,
    sourceId: input.sourceId ?? null,
    sourceUrl: input.sourceUrl ?? null,
    isBreaking: input.isBreaking ? 1 : 0,
    breakingUntil: input.breakingUntil ?? null,
    isFeatured: input.isFeatured ? 1 : 0,
    pinnedPosition: input.pinnedPosition ?? null,
    seo: JSON.stringify(input.seo ?? {}),
    publishedAt: input.publishedAt ?? null,
    scheduledAt: input.scheduledAt ?? null,
    createdAt: timestamp,
    updatedAt: input.updatedAt ?? timestamp,
    createdBy: input.createdBy ?? null,
    updatedBy: input.createdBy ?? null,
    coverageState: input.coverageState ?? null,
    coverageStartedAt: input.coverageStartedAt ?? null,
  }
}

/**
 * Stores a new article with its bylines, tags, related stories and notices, all or nothing.
 * The body HTML, the body's reference rows and, when not given, the slug and excerpt are derived
 * here.
 */
export async function createArticle(
  db: Kysely<Database>,
  input: NewArticle,
  now: Date,
): Promise<number> {
  const timestamp = now.toISOString()
  return withTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('articles')
      .values(articleRow(input, timestamp))
      .returning('id')
      .executeTakeFirstOrThrow()
    await insertArticleReferences(trx, [{ articleId: id, bodyDoc: input.bodyDoc }])
    const positioned = (ids: number[] = []) =>
      [...new Set(ids)].map((value, position) => ({ value, position }))
    const authors = positioned(input.authorIds)
    const tags = positioned(input.tagIds)
    const related = positioned(input.relatedArticleIds).filter(({ value }) => value !== id)
    if (authors.length) {
      await trx
        .insertInto('articleAuthors')
        .values(
          authors.map(({ value, position }) => ({ articleId: id, authorId: value, position })),
        )
        .execute()
    }
    if (tags.length) {
      await trx
        .insertInto('articleTags')
        .values(tags.map(({ value, position }) => ({ articleId: id, tagId: value, position })))
        .execute()
    }
    if (related.length) {
      await trx
        .insertInto('articleRelations')
        .values(
          related.map(({ value, position }) => ({
            articleId: id,
            relatedArticleId: value,
            position,
          })),
        )
        .execute()
    }
    if (input.notices?.length) {
      await trx
        .insertInto('articleNotices')
        .values(
          input.notices.map((notice) => ({
            articleId: id,
            kind: notice.kind,
            text: notice.text,
            createdAt: notice.createdAt ?? timestamp,
          })),
        )
        .execute()
    }
    return id
  })
}

/** Articles per multi-row insert: well under the bound-parameter limits of SQLite and PostgreSQL. */
const ARTICLES_PER_INSERT = 200
/** Link rows (bylines, tags…) per multi-row insert. */
const LINKS_PER_INSERT = 2000

function chunked<T>(items: T[], size: number): T[][] {
  const result: T[][] = []
  for (let index = 0; index < items.length; index += size)
    result.push(items.slice(index, index + size))
  return result
}

/**
 * Stores many new articles as `createArticle` does one, with a few multi-row inserts instead of
 * several queries each (imports); returns their ids in the order of `inputs`. All or nothing.
 */
export async function createArticles(
  db: Kysely<Database>,
  inputs: NewArticle[],
  now: Date,
): Promise<number[]> {
  if (inputs.length === 0) return []
  const timestamp = now.toISOString()
  return withTransaction(db, async (trx) => {
    const ids: number[] = []
    for (const part of chunked(inputs, ARTICLES_PER_INSERT)) {
      const rows = part.map((input) => articleRow(input, timestamp))
      const inserted = await trx
        .insertInto('articles')
        .values(rows)
        .returning(['id', 'headline', 'slug'])
        .execute()
      // Ids rise in the order the rows are inserted; the headline and slug check the pairing.
      inserted.sort((a, b) => a.id - b.id)
      inserted.forEach((row, index) => {
        const expected = rows[index]
        if (expected?.headline !== row.headline || expected.slug !== row.slug)
          throw new Error('createArticles: inserted rows came back in an unexpected order')
        ids.push(row.id)
      })
      if (inserted.length !== rows.length)
        throw new Error('createArticles: not every article was inserted')
    }
    const positioned = (articleId: number, values: number[] = []) =>
      [...new Set(values)].map((value, position) => ({ articleId, value, position }))
    const authors = inputs.flatMap((input, index) => positioned(ids[index] ?? 0, input.authorIds))
    const tags = inputs.flatMap((input, index) => positioned(ids[index] ?? 0, input.tagIds))
    const related = inputs.flatMap((input, index) =>
      positioned(ids[index] ?? 0, input.relatedArticleIds).filter(
        ({ articleId, value }) => value !== articleId,
      ),
    )
    const notices = inputs.flatMap((input, index) =>
      (input.notices ?? []).map((notice) => ({
        articleId: ids[index] ?? 0,
        kind: notice.kind,
        text: notice.text,
        createdAt: notice.createdAt ?? timestamp,
      })),
    )
    for (const part of chunked(authors, LINKS_PER_INSERT))
      await trx
        .insertInto('articleAuthors')
        .values(
          part.map(({ articleId, value, position }) => ({ articleId, authorId: value, position })),
        )
        .execute()
    for (const part of chunked(tags, LINKS_PER_INSERT))
      await trx
        .insertInto('articleTags')
        .values(
          part.map(({ articleId, value, position }) => ({ articleId, tagId: value, position })),
        )
        .execute()
    for (const part of chunked(related, LINKS_PER_INSERT))
      await trx
        .insertInto('articleRelations')
        .values(
          part.map(({ articleId, value, position }) => ({
            articleId,
            relatedArticleId: value,
            position,
          })),
        )
        .execute()
    for (const part of chunked(notices, LINKS_PER_INSERT))
      await trx.insertInto('articleNotices').values(part).execute()
    await insertArticleReferences(
      trx,
      inputs.map((input, index) => ({ articleId: ids[index] ?? 0, bodyDoc: input.bodyDoc })),
    )
    return ids
  })
}

const articlesByIds = queryTemplate((db, p: { ids: number[] }) =>
  db.selectFrom('articles').selectAll().where('id', 'in', p.ids),
)
const noticesOfArticles = queryTemplate((db, p: { ids: number[] }) =>
  db
    .selectFrom('articleNotices')
    .selectAll()
    .where('articleId', 'in', p.ids)
    .orderBy('createdAt')
    .orderBy('id'),
)

/** Whole articles by id, with their notices; ids that do not exist are simply absent. */
export async function findArticlesByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, Article>> {
  if (ids.length === 0) return new Map()
  const unique = [...new Set(ids)]
  const [rows, notices] = await Promise.all([
    articlesByIds.execute(db, { ids: unique }),
    noticesOfArticles.execute(db, { ids: unique }),
  ])
  const noticesByArticle = new Map<number, ArticleNotice[]>()
  for (const { articleId, ...notice } of notices) {
    noticesByArticle.set(articleId, [...(noticesByArticle.get(articleId) ?? []), notice])
  }
  return new Map(
    rows.map((row) => [
      row.id,
      {
        ...toSummary(row),
        translationGroup: row.translationGroup,
        status: row.status,
        bodyDoc: JSON.parse(row.bodyDoc) as ArticleDocument,
        bodyHtml: row.bodyHtml,
        sourceUrl: row.sourceUrl,
        seo: JSON.parse(row.seo) as Article['seo'],
        scheduledAt: row.scheduledAt,
        createdAt: row.createdAt,
        version: row.version,
        createdBy: row.createdBy,
        updatedBy: row.updatedBy,
        coverageStartedAt: row.coverageStartedAt,
        coverageEndedAt: row.coverageEndedAt,
        notices: noticesByArticle.get(row.id) ?? [],
      },
    ]),
  )
}

/** One whole article, or undefined. */
export async function findArticleById(
  db: Kysely<Database>,
  id: number,
): Promise<Article | undefined> {
  return (await findArticlesByIds(db, [id])).get(id)
}

/** The newest article of an edition with this slug (slugs are not unique; URLs carry the id). */
export async function findArticleBySlug(
  db: Kysely<Database>,
  language: string,
  slug: string,
): Promise<Article | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('language', '=', language)
    .where('slug', '=', slug)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row && findArticleById(db, row.id)
}

/** What a public list can be narrowed to; every filter is optional but the edition. */
export interface PublishedArticleFilter {
  language: string
  /** A section and its sub-sections: pass sectionWithDescendantIds(). */
  sectionIds?: number[]
  tagId?: number
  authorId?: number
  sourceId?: number
  excludeIds?: number[]
  /** Only these articles (the matches of a search). */
  includeIds?: number[]
}

/** Published by `now` (an ISO 8601 instant, so a query template can take it as a parameter). */
const isLive = (now: string) => isLiveIn('articles', now)

/** Live articles of a filter; `now` is an ISO 8601 instant. Branches only on what a filter has. */
function publishedArticles(db: Kysely<Database>, filter: PublishedArticleFilter, now: string) {
  let query: SelectQueryBuilder<Database, 'articles', object> = db
    .selectFrom('articles')
    .where('articles.language', '=', filter.language)
    .where(isLive(now))
  if (filter.sectionIds)
    query = query.where(
      'articles.sectionId',
      'in',
      filter.sectionIds.length ? filter.sectionIds : [-1],
    )
  if (filter.sourceId !== undefined) query = query.where('articles.sourceId', '=', filter.sourceId)
  if (filter.excludeIds?.length) query = query.where('articles.id', 'not in', filter.excludeIds)
  if (filter.includeIds)
    query = query.where('articles.id', 'in', filter.includeIds.length ? filter.includeIds : [-1])
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId
    query = query.where('articles.id', 'in', (eb) =>
      eb.selectFrom('articleTags').select('articleId').where('tagId', '=', tagId),
    )
  }
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId
    query = query.where('articles.id', 'in', (eb) =>
      eb.selectFrom('articleAuthors').select('articleId').where('authorId', '=', authorId),
    )
  }
  return query
}

/** Beyond this offset, filters no single index serves stop reading sections one by one. */
const MERGE_SECTIONS_UP_TO_OFFSET = 1000

function newestFirst(a: SummaryRow, b: SummaryRow): number {
  return (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id - a.id
}

/** Live articles of a filter, newest first: one window of rows, without counting them all. */
const newestOfFilter = queryTemplate(
  (db, p: PublishedArticleFilter & { limit: number; offset: number; now: string }) =>
    publishedArticles(db, p, p.now)
      .select(SUMMARY_COLUMNS)
      .orderBy('articles.publishedAt', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(p.limit)
      .offset(p.offset),
)

const summariesByIds = queryTemplate((db, p: { ids: number[] }) =>
  db.selectFrom('articles').select(SUMMARY_COLUMNS).where('articles.id', 'in', p.ids),
)

/** The summary rows of lists of keys, in their order, read in one query whatever their number. */
async function rowsOfKeys(db: Kysely<Database>, lists: ListedKey[][]): Promise<SummaryRow[][]> {
  const ids = [...new Set(lists.flat().map((key) => key.id))]
  if (ids.length === 0) return lists.map(() => [])
  const byId = new Map(
    (await summariesByIds.execute(db, { ids })).map((row) => [row.id, row] as const),
  )
  return lists.map((keys) => keys.flatMap((key) => byId.get(key.id) ?? []))
}

async function readNewest(
  db: Kysely<Database>,
  filter: PublishedArticleFilter,
  window: { limit: number; offset: number },
  now: Date,
): Promise<SummaryRow[]> {
  const keys = await readListedKeys(db, filter, window, now)
  if (keys) return (await rowsOfKeys(db, [keys]))[0] ?? []
  const { sectionIds } = filter
  if (sectionIds && sectionIds.length > 1 && window.offset <= MERGE_SECTIONS_UP_TO_OFFSET) {
    // A list of sections cannot be read from the section index in date order, so the database
    // would sort every article of them; each section read in order, then merged, stays small.
    const perSection = await Promise.all(
      sectionIds.map((sectionId) =>
        readNewest(
          db,
          { ...filter, sectionIds: [sectionId] },
          { limit: window.offset + window.limit, offset: 0 },
          now,
        ),
      ),
    )
    return perSection
      .flat()
      .sort(newestFirst)
      .slice(window.offset, window.offset + window.limit)
  }
  return newestOfFilter.execute(db, { ...filter, ...window, now: now.toISOString() })
}

/** The newest live articles of a filter, for blocks that show a few and no page count. */
export async function listLatestArticles(
  db: Kysely<Database>,
  filter: PublishedArticleFilter,
  limit: number,
  now: Date,
): Promise<ArticleSummary[]> {
  return (await readNewest(db, filter, { limit, offset: 0 }, now)).map(toSummary)
}

/**
 * The newest live articles of each of several filters (the home page's section blocks): each
 * filter's keys from its index, then the rows of all of them in one query.
 */
export async function listLatestArticlesOfEach(
  db: Kysely<Database>,
  filters: PublishedArticleFilter[],
  limit: number,
  now: Date,
): Promise<ArticleSummary[][]> {
  const window = { limit, offset: 0 }
  const keyLists = await Promise.all(
    filters.map((filter) => readListedKeys(db, filter, window, now)),
  )
  const rowLists = await rowsOfKeys(
    db,
    keyLists.map((keys) => keys ?? []),
  )
  return Promise.all(
    filters.map(async (filter, index) =>
      keyLists[index]
        ? (rowLists[index] ?? []).map(toSummary)
        : listLatestArticles(db, filter, limit, now),
    ),
  )
}

/**
 * Published articles, newest first, one page at a time. The id breaks ties between equal
 * publication times, so pages never overlap or skip.
 */
export async function listPublishedArticles(
  db: Kysely<Database>,
  filter: PublishedArticleFilter,
  pageRequest: PageRequest,
  now: Date,
): Promise<Page<ArticleSummary>> {
  const request = resolvePageRequest(pageRequest)
  const [rows, total] = await Promise.all([
    readNewest(db, filter, { limit: request.pageSize, offset: request.offset }, now),
    countLive(db, filter, now),
  ])
  return toPage(rows.map(toSummary), total, request)
}

/** A filter's live articles: a listing's kept count, or the rows counted when it is no listing. */
async function countLive(
  db: Kysely<Database>,
  filter: PublishedArticleFilter,
  now: Date,
): Promise<number> {
  const listed = await countListed(db, filter, now)
  if (listed !== undefined) return listed
  const counted = await publishedArticles(db, filter, now.toISOString())
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  return Number(counted.total)
}

/** How long a featured flag lifts a story above newer ones on the home page. */
const FEATURED_WINDOW_HOURS = 72

/**
 * The home page's top stories: pinned ones in their slot order, then featured ones of the last
 * three days, then the newest.
 */
export async function listTopStories(
  db: Kysely<Database>,
  input: { language: string; limit: number },
  now: Date,
): Promise<ArticleSummary[]> {
  const featuredSince = new Date(now.getTime() - FEATURED_WINDOW_HOURS * 3_600_000).toISOString()
  const live = () =>
    publishedArticles(db, { language: input.language }, now.toISOString()).select(SUMMARY_COLUMNS)
  // Three reads that each follow an index, rather than one ORDER BY that sorts the whole edition.
  const [pinned, featured, newest] = await Promise.all([
    live()
      .where('articles.pinnedPosition', 'is not', null)
      .orderBy('articles.pinnedPosition')
      .orderBy('articles.publishedAt', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(input.limit)
      .execute(),
    live()
      .where('articles.isFeatured', '=', 1)
      .where('articles.publishedAt', '>=', featuredSince)
      .orderBy('articles.publishedAt', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(input.limit)
      .execute(),
    readNewest(db, { language: input.language }, { limit: input.limit, offset: 0 }, now),
  ])
  const chosen = new Map<number, SummaryRow>()
  for (const row of [...pinned, ...featured, ...newest])
    if (!chosen.has(row.id)) chosen.set(row.id, row)
  return [...chosen.values()].slice(0, input.limit).map(toSummary)
}

/** Breaking items of an edition whose breaking flag has not expired, newest first. */
export async function listBreakingArticles(
  db: Kysely<Database>,
  input: { language: string; limit?: number },
  now: Date,
): Promise<ArticleSummary[]> {
  const rows = await publishedArticles(db, { language: input.language }, now.toISOString())
    .select(SUMMARY_COLUMNS)
    .where('articles.isBreaking', '=', 1)
    .where((eb) =>
      eb.or([
        eb('articles.breakingUntil', 'is', null),
        eb('articles.breakingUntil', '>', now.toISOString()),
      ]),
    )
    .orderBy('articles.publishedAt', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(input.limit ?? 5)
    .execute()
  return rows.map(toSummary)
}

const translationsOf = queryTemplate((db, p: { articleId: number }) =>
  db
    .selectFrom('articles as translation')
    .innerJoin('articles as original', 'original.translationGroup', 'translation.translationGroup')
    .select([
      'translation.id',
      'translation.language',
      'translation.slug',
      'translation.sectionId',
      'translation.status',
      'translation.publishedAt',
    ])
    .where('original.id', '=', p.articleId)
    .where('translation.id', '!=', p.articleId)
    .orderBy('translation.language'),
)

/** The other language versions of an article (any status; the caller decides what to show). */
export async function listTranslations(
  db: Kysely<Database>,
  articleId: number,
): Promise<Pick<Article, 'id' | 'language' | 'slug' | 'sectionId' | 'status' | 'publishedAt'>[]> {
  return translationsOf.execute(db, { articleId })
}

const liveSummariesByIds = queryTemplate((db, p: { ids: number[]; now: string }) =>
  db.selectFrom('articles').select(SUMMARY_COLUMNS).where('id', 'in', p.ids).where(isLive(p.now)),
)

/** Live articles by id as cards show them (no bodies); ids not live are absent. */
export async function findLiveSummariesByIds(
  db: Kysely<Database>,
  ids: number[],
  now: Date,
): Promise<Map<number, ArticleSummary>> {
  if (ids.length === 0) return new Map()
  const rows = await liveSummariesByIds.execute(db, {
    ids: [...new Set(ids)],
    now: now.toISOString(),
  })
  return new Map(rows.map((row) => [row.id, toSummary(row)]))
}

const linkedRelatedArticles = queryTemplate(
  (db, p: { articleId: number; language: string; now: string; limit: number }) =>
    publishedArticles(db, { language: p.language }, p.now)
      .innerJoin('articleRelations', 'articleRelations.relatedArticleId', 'articles.id')
      .select(SUMMARY_COLUMNS)
      .where('articleRelations.articleId', '=', p.articleId)
      .orderBy('articleRelations.position')
      .limit(p.limit),
)

/**
 * Related stories in the same edition: those the editors linked by hand first, in their order,
 * then those sharing the most tags, newest first among equals.
 */
export async function listRelatedArticles(
  db: Kysely<Database>,
  input: { articleId: number; language: string; limit: number },
  now: Date,
): Promise<ArticleSummary[]> {
  const manual = await linkedRelatedArticles.execute(db, { ...input, now: now.toISOString() })
  const remaining = input.limit - manual.length
  if (remaining <= 0) return manual.map(toSummary)
  const byTags = await listArticlesSharingTags(
    db,
    { ...input, limit: remaining, excludeIds: [input.articleId, ...manual.map((row) => row.id)] },
    now,
  )
  return [...manual.map(toSummary), ...byTags]
}

/** How many of each tag's newest articles are weighed as related stories. */
const RELATED_CANDIDATES_PER_TAG = 12

const tagIdsOfArticle = queryTemplate((db, p: { articleId: number }) =>
  db.selectFrom('articleTags').select('tagId').where('articleId', '=', p.articleId),
)
const newestOfTag = queryTemplate(
  (db, p: { tagId: number; language: string; now: string; excludeIds: number[] }) =>
    publishedArticles(db, { language: p.language, excludeIds: p.excludeIds }, p.now)
      .innerJoin('articleTags', 'articleTags.articleId', 'articles.id')
      .select(SUMMARY_COLUMNS)
      .where('articleTags.tagId', '=', p.tagId)
      .orderBy('articleTags.articleId', 'desc')
      .limit(RELATED_CANDIDATES_PER_TAG),
)

/**
 * Live articles that share the most tags with an article, then the newest. Only each tag's most
 * recently added articles (highest ids, read from the tag's index) are candidates: a tag on tens
 * of thousands of archive stories would otherwise make every article page count them all. An
 * archive imported after newer stories therefore counts as recent here until new ones follow.
 */
async function listArticlesSharingTags(
  db: Kysely<Database>,
  input: { articleId: number; language: string; limit: number; excludeIds: number[] },
  now: Date,
): Promise<ArticleSummary[]> {
  const tagIds = (await tagIdsOfArticle.execute(db, { articleId: input.articleId })).map(
    (row) => row.tagId,
  )
  const candidatesByTag = await Promise.all(
    tagIds.map((tagId) =>
      newestOfTag.execute(db, {
        tagId,
        language: input.language,
        now: now.toISOString(),
        excludeIds: input.excludeIds,
      }),
    ),
  )
  const candidates = new Map<number, { row: SummaryRow; sharedTags: number }>()
  for (const row of candidatesByTag.flat()) {
    const candidate = candidates.get(row.id)
    if (candidate) candidate.sharedTags += 1
    else candidates.set(row.id, { row, sharedTags: 1 })
  }
  return [...candidates.values()]
    .sort((a, b) => b.sharedTags - a.sharedTags || newestFirst(a.row, b.row))
    .slice(0, input.limit)
    .map((candidate) => toSummary(candidate.row))
}

/**
 * The months (UTC, `YYYY-MM`) in which an edition published live articles, with each month's last
 * change and size; `only` narrows it to one month (one sitemap) and reads just that range.
 */
export async function listPublicationMonths(
  db: Kysely<Database>,
  language: string,
  now: Date,
  only?: string,
): Promise<{ month: string; lastModified: string; count: number }[]> {
  const month = utcMonthOf(db, sql.ref('articles.publishedAt'))
  let query = db
    .selectFrom('articles')
    .where('articles.language', '=', language)
    .where(isLive(now.toISOString()))
  if (only) {
    const from = new Date(`${only}-01T00:00:00.000Z`)
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1))
    query = query
      .where('articles.publishedAt', '>=', from.toISOString())
      .where('articles.publishedAt', '<', to.toISOString())
  }
  const [rows, translated] = await Promise.all([
    query
      .select([
        month.as('month'),
        (eb) => eb.fn.max('articles.updatedAt').as('lastModified'),
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .groupBy(month)
      .orderBy(month, 'desc')
      .execute(),
    // A month's sitemap pairs each article with its live translations (hreflang), so a
    // translation's change, whatever its own month, changes the month too.
    query
      .innerJoin('articles as translation', (join) =>
        join
          .onRef('translation.translationGroup', '=', 'articles.translationGroup')
          .onRef('translation.id', '!=', 'articles.id'),
      )
      .where(isLiveIn('translation', now.toISOString()))
      .select([month.as('month'), (eb) => eb.fn.max('translation.updatedAt').as('lastModified')])
      .groupBy(month)
      .execute(),
  ])
  const translationChanges = new Map(translated.map((row) => [row.month, String(row.lastModified)]))
  return rows.map((row) => {
    const own = String(row.lastModified)
    const translation = translationChanges.get(row.month) ?? ''
    return {
      month: row.month,
      lastModified: translation > own ? translation : own,
      count: Number(row.count),
    }
  })
}

/**
 * A month of an edition's live articles cut, in publication order (time, then id), into parts of
 * `size` articles: each part's count and last change. The parts of a sitemap month too large for
 * one file; `listLiveArticleBatch` reads the same order.
 */
export async function listPublicationMonthParts(
  db: Kysely<Database>,
  input: { language: string; month: string; size: number },
  now: Date,
): Promise<{ part: number; lastModified: string; count: number }[]> {
  if (!Number.isSafeInteger(input.size) || input.size < 1)
    throw new RangeError(`a part holds at least one article, not ${input.size}`)
  const from = new Date(`${input.month}-01T00:00:00.000Z`)
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1))
  const ranked = db
    .selectFrom('articles')
    .where('articles.language', '=', input.language)
    .where(isLive(now.toISOString()))
    .where('articles.publishedAt', '>=', from.toISOString())
    .where('articles.publishedAt', '<', to.toISOString())
    .select([
      'articles.updatedAt',
      // Integer division on both databases; the size is a checked integer, written as a literal.
      sql<number>`(row_number() over (order by ${sql.ref('articles.publishedAt')}, ${sql.ref('articles.id')}) - 1) / ${sql.lit(input.size)}`.as(
        'partIndex',
      ),
    ])
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .select([
      'ranked.partIndex',
      (eb) => eb.fn.max('ranked.updatedAt').as('lastModified'),
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .groupBy('ranked.partIndex')
    .orderBy('ranked.partIndex')
    .execute()
  return rows.map((row) => ({
    part: Number(row.partIndex) + 1,
    lastModified: String(row.lastModified),
    count: Number(row.count),
  }))
}

/**
 * Live articles of an edition published in [from, to), oldest first, after the article `after`
 * (or, to start a part of a month, past the first `offset` of them): one batch of a sitemap, so
 * that a sitemap of any size is read in constant memory. The keyset (publication time, id) follows
 * the edition index, so every batch is an index range.
 */
export async function listLiveArticleBatch(
  db: Kysely<Database>,
  input: {
    language: string
    from: string
    to: string
    after?: { publishedAt: string; id: number }
    offset?: number
    limit: number
  },
  now: Date,
): Promise<ArticleSummary[]> {
  let query = publishedArticles(db, { language: input.language }, now.toISOString())
    .select(SUMMARY_COLUMNS)
    .where('articles.publishedAt', '>=', input.from)
    .where('articles.publishedAt', '<', input.to)
  const after = input.after
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('articles.publishedAt', '>', after.publishedAt),
        eb.and([
          eb('articles.publishedAt', '=', after.publishedAt),
          eb('articles.id', '>', after.id),
        ]),
      ]),
    )
  }
  if (input.offset) query = query.offset(input.offset)
  const rows = await query
    .orderBy('articles.publishedAt')
    .orderBy('articles.id')
    .limit(input.limit)
    .execute()
  return rows.map(toSummary)
}

/** For each article, its live translations: the pairs every hreflang set is built from. */
export async function listLiveTranslationsOf(
  db: Kysely<Database>,
  articleIds: number[],
  now: Date,
): Promise<Map<number, Pick<ArticleSummary, 'id' | 'language' | 'slug' | 'sectionId'>[]>> {
  const byArticle = new Map<
    number,
    Pick<ArticleSummary, 'id' | 'language' | 'slug' | 'sectionId'>[]
  >()
  if (articleIds.length === 0) return byArticle
  // Two indexed lookups (ids, then groups); as one self-join, SQLite's planner scanned the edition.
  const originals = await db
    .selectFrom('articles')
    .select(['id', 'translationGroup'])
    .where('id', 'in', articleIds)
    .where('translationGroup', 'is not', null)
    .execute()
  const groups = [...new Set(originals.map((row) => row.translationGroup ?? ''))]
  if (groups.length === 0) return byArticle
  // Liveness is checked here rather than in SQL: with it, the planner prefers the status index
  // and reads every published article instead of the few in these groups.
  const isoNow = now.toISOString()
  const versions = (
    await db
      .selectFrom('articles')
      .select(['id', 'language', 'slug', 'sectionId', 'translationGroup', 'status', 'publishedAt'])
      .where('translationGroup', 'in', groups)
      .execute()
  ).filter(
    (version) =>
      version.status === 'published' &&
      version.publishedAt !== null &&
      version.publishedAt <= isoNow,
  )
  for (const original of originals) {
    byArticle.set(
      original.id,
      versions
        .filter(
          (version) =>
            version.translationGroup === original.translationGroup && version.id !== original.id,
        )
        .map(({ id, language, slug, sectionId }) => ({ id, language, slug, sectionId })),
    )
  }
  return byArticle
}
