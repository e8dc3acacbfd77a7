import type { Kysely } from 'kysely'
import type { Database, ListingKind } from '../../db/database.js'
import { queryTemplate } from '../../db/query-template.js'
import { isLiveIn } from './article-rules.js'
import type { PublishedArticleFilter } from './article-queries.js'

/**
 * Where a listing's newest live articles and its size are read from one index each, whatever its
 * length: an edition, one section, a source (the article indexes), a tag or an author (the link
 * tables, which carry their article's edition, status and time). The newest are read as keys
 * (time and id) from the index alone, so a deep page skips index entries only, never rows; the
 * size is the listing's count kept by triggers less the few articles whose time is to come.
 */

/** An article's place in a listing's order (newest first, then highest id). */
export interface ListedKey {
  id: number
  publishedAt: string | null
}

type Listing = { kind: ListingKind; ids: number[] }

/**
 * The listing a filter is, when an index serves it alone: narrowed by one thing at most (a list
 * of sections counts as one), and not to given ids. Exclusions are allowed for reading only.
 */
function listingOf(filter: PublishedArticleFilter): Listing | undefined {
  if (filter.includeIds) return undefined
  const narrowings: Listing[] = []
  if (filter.sectionIds) narrowings.push({ kind: 'section', ids: filter.sectionIds })
  if (filter.sourceId !== undefined) narrowings.push({ kind: 'source', ids: [filter.sourceId] })
  if (filter.tagId !== undefined) narrowings.push({ kind: 'tag', ids: [filter.tagId] })
  if (filter.authorId !== undefined) narrowings.push({ kind: 'author', ids: [filter.authorId] })
  if (narrowings.length > 1) return undefined
  const listing = narrowings[0] ?? { kind: 'edition', ids: [0] }
  return listing.ids.length > 0 ? listing : undefined
}

interface KeyWindow {
  language: string
  now: string
  limit: number
  offset: number
  excludeIds?: number[]
}

/** Live articles of an edition, narrowed to a section or a source, as keys newest first. */
function articleKeys(
  db: Kysely<Database>,
  p: KeyWindow & { sectionId?: number; sourceId?: number },
) {
  let query = db
    .selectFrom('articles')
    .select(['articles.id', 'articles.publishedAt'])
    .where('articles.language', '=', p.language)
    .where(isLiveIn('articles', p.now))
  if (p.sectionId !== undefined) query = query.where('articles.sectionId', '=', p.sectionId)
  if (p.sourceId !== undefined) query = query.where('articles.sourceId', '=', p.sourceId)
  if (p.excludeIds?.length) query = query.where('articles.id', 'not in', p.excludeIds)
  return query.orderBy('articles.publishedAt', 'desc').orderBy('articles.id', 'desc')
}

const newestOfArticles = queryTemplate(
  (db, p: KeyWindow & { sectionId?: number; sourceId?: number }) =>
    articleKeys(db, p).limit(p.limit).offset(p.offset),
)

/**
 * Several sections' keys in one statement: each section's first `offset + limit` read from its
 * index, and only those merged and sorted by the database (a union has no index order of its
 * own), so a deep page hands over one page of keys, not every key it skips.
 */
const newestOfSections = queryTemplate(
  (db, p: KeyWindow & { sectionIds: number[]; perSection: number }) => {
    const arms = p.sectionIds.map((sectionId, index) =>
      db
        .selectFrom(
          articleKeys(db, { ...p, sectionId })
            .limit(p.perSection)
            .as(`section${index}`),
        )
        .selectAll(),
    )
    const [first, ...others] = arms
    if (!first) throw new RangeError('a merge of sections needs at least one section')
    const union = others.reduce((merged, arm) => merged.unionAll(arm), first)
    return db
      .selectFrom(union.as('merged'))
      .select(['merged.id', 'merged.publishedAt'])
      .orderBy('merged.publishedAt', 'desc')
      .orderBy('merged.id', 'desc')
      .limit(p.limit)
      .offset(p.offset)
  },
)
const newestOfTag = queryTemplate((db, p: KeyWindow & { tagId: number }) => {
  let query = db
    .selectFrom('articleTags')
    .select(['articleTags.articleId as id', 'articleTags.publishedAt'])
    .where('articleTags.tagId', '=', p.tagId)
    .where('articleTags.language', '=', p.language)
    .where(isLiveIn('articleTags', p.now))
  if (p.excludeIds?.length) query = query.where('articleTags.articleId', 'not in', p.excludeIds)
  return query
    .orderBy('articleTags.publishedAt', 'desc')
    .orderBy('articleTags.articleId', 'desc')
    .limit(p.limit)
    .offset(p.offset)
})
const newestOfAuthor = queryTemplate((db, p: KeyWindow & { authorId: number }) => {
  let query = db
    .selectFrom('articleAuthors')
    .select(['articleAuthors.articleId as id', 'articleAuthors.publishedAt'])
    .where('articleAuthors.authorId', '=', p.authorId)
    .where('articleAuthors.language', '=', p.language)
    .where(isLiveIn('articleAuthors', p.now))
  if (p.excludeIds?.length) query = query.where('articleAuthors.articleId', 'not in', p.excludeIds)
  return query
    .orderBy('articleAuthors.publishedAt', 'desc')
    .orderBy('articleAuthors.articleId', 'desc')
    .limit(p.limit)
    .offset(p.offset)
})

function readKeys(db: Kysely<Database>, kind: ListingKind, id: number, window: KeyWindow) {
  switch (kind) {
    case 'edition':
      return newestOfArticles.execute(db, window)
    case 'section':
      return newestOfArticles.execute(db, { ...window, sectionId: id })
    case 'source':
      return newestOfArticles.execute(db, { ...window, sourceId: id })
    case 'tag':
      return newestOfTag.execute(db, { ...window, tagId: id })
    case 'author':
      return newestOfAuthor.execute(db, { ...window, authorId: id })
  }
}

/**
 * The keys of a window of a filter's newest live articles, read from the listing's index alone;
 * undefined when no single index serves the filter (the caller then asks `articles` as a whole).
 */
export async function readListedKeys(
  db: Kysely<Database>,
  filter: PublishedArticleFilter,
  window: { limit: number; offset: number },
  now: Date,
): Promise<ListedKey[] | undefined> {
  const listing = listingOf(filter)
  if (!listing) return undefined
  const base = {
    language: filter.language,
    now: now.toISOString(),
    excludeIds: filter.excludeIds?.length ? filter.excludeIds : undefined,
  }
  const [onlyId] = listing.ids
  if (listing.ids.length === 1 && onlyId !== undefined)
    return readKeys(db, listing.kind, onlyId, { ...base, ...window })
  return newestOfSections.execute(db, {
    ...base,
    ...window,
    sectionIds: listing.ids,
    perSection: window.offset + window.limit,
  })
}

const countedOfListing = queryTemplate(
  (db, p: { listing: ListingKind; ids: number[]; language: string }) =>
    db
      .selectFrom('listingCounts')
      .select((eb) => eb.fn.sum<number | string | null>('listingCounts.published').as('published'))
      .where('listingCounts.listing', '=', p.listing)
      .where('listingCounts.listingId', 'in', p.ids)
      .where('listingCounts.language', '=', p.language),
)

interface FutureWindow {
  language: string
  now: string
}
const futureOfArticles = queryTemplate(
  (db, p: FutureWindow & { sectionIds?: number[]; sourceId?: number }) => {
    let query = db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number | string>().as('future'))
      .where('articles.language', '=', p.language)
      .where('articles.status', '=', 'published')
      .where('articles.publishedAt', '>', p.now)
    if (p.sectionIds) query = query.where('articles.sectionId', 'in', p.sectionIds)
    if (p.sourceId !== undefined) query = query.where('articles.sourceId', '=', p.sourceId)
    return query
  },
)
const futureOfTag = queryTemplate((db, p: FutureWindow & { tagId: number }) =>
  db
    .selectFrom('articleTags')
    .select((eb) => eb.fn.countAll<number | string>().as('future'))
    .where('articleTags.tagId', '=', p.tagId)
    .where('articleTags.language', '=', p.language)
    .where('articleTags.status', '=', 'published')
    .where('articleTags.publishedAt', '>', p.now),
)
const futureOfAuthor = queryTemplate((db, p: FutureWindow & { authorId: number }) =>
  db
    .selectFrom('articleAuthors')
    .select((eb) => eb.fn.countAll<number | string>().as('future'))
    .where('articleAuthors.authorId', '=', p.authorId)
    .where('articleAuthors.language', '=', p.language)
    .where('articleAuthors.status', '=', 'published')
    .where('articleAuthors.publishedAt', '>', p.now),
)

function countFuture(db: Kysely<Database>, listing: Listing, window: FutureWindow) {
  const [id = 0] = listing.ids
  switch (listing.kind) {
    case 'edition':
      return futureOfArticles.execute(db, window)
    case 'section':
      return futureOfArticles.execute(db, { ...window, sectionIds: listing.ids })
    case 'source':
      return futureOfArticles.execute(db, { ...window, sourceId: id })
    case 'tag':
      return futureOfTag.execute(db, { ...window, tagId: id })
    case 'author':
      return futureOfAuthor.execute(db, { ...window, authorId: id })
  }
}

/**
 * How many live articles a filter has, from the listing's kept count less those whose time is
 * still to come; undefined when the filter is not one listing (the caller counts the rows).
 */
export async function countListed(
  db: Kysely<Database>,
  filter: PublishedArticleFilter,
  now: Date,
): Promise<number | undefined> {
  const listing = listingOf(filter)
  if (!listing || filter.excludeIds?.length) return undefined
  const window = { language: filter.language, now: now.toISOString() }
  const [[counted], [future]] = await Promise.all([
    countedOfListing.execute(db, { listing: listing.kind, ids: listing.ids, ...window }),
    countFuture(db, listing, window),
  ])
  return Number(counted?.published ?? 0) - Number(future?.future ?? 0)
}
