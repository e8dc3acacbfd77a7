import type { Kysely } from 'kysely'
import type { ArticleStatus, Database } from '../../db/database.js'
import type { Page, PageRequest } from '../../db/pagination.js'
import { assertPermission, seesAllArticles, type Actor } from '../access/actor.js'
import {
  listNewsroomArticles,
  type NewsroomArticleFilter,
  type NewsroomArticleRow,
} from '../articles/newsroom-article-queries.js'
import type { TextSegment } from '../search/highlight-text.js'
import type { SearchIndex } from '../search/search-index.js'
import {
  findSectionNames,
  listSections,
  sectionWithDescendantIds,
} from '../sections/section-queries.js'
import { findAuthorBySlug, listBylinesOfArticles } from '../authors/author-queries.js'
import { pickLocalized } from '../../platform/localized-text.js'

export interface ArticleListRequest extends PageRequest {
  status?: ArticleStatus[]
  language?: string
  /** A section id or slug (in any language); includes its sub-sections. */
  section?: string | number
  tag?: string
  author?: string
  /** Only the articles the person asking created or is bylined on (their drafts, say). */
  mine?: boolean
  updatedFrom?: string
  updatedTo?: string
  q?: string
  sort?: NewsroomArticleFilter['sort']
}

/** A list row: its section's name and its bylines (in the article's language), and the matched
 * words marked when the list answers a search. */
export type ArticleListRow = NewsroomArticleRow & {
  sectionName: string
  authors: { id: number; slug: string; name: string }[]
  snippet?: TextSegment[]
}

/** Adds each row's section name and bylines, in the row's language: two queries for a page. */
export async function withNames<Row extends NewsroomArticleRow>(
  db: Kysely<Database>,
  page: Page<Row>,
): Promise<Page<Row & Pick<ArticleListRow, 'sectionName' | 'authors'>>> {
  const [sectionNames, bylines] = await Promise.all([
    findSectionNames(
      db,
      page.items.map((row) => row.sectionId),
    ),
    listBylinesOfArticles(
      db,
      page.items.map((row) => row.id),
    ),
  ])
  return {
    ...page,
    items: page.items.map((row) => ({
      ...row,
      sectionName: pickLocalized(sectionNames.get(row.sectionId) ?? {}, row.language),
      authors: (bylines.get(row.id) ?? []).map((author) => ({
        ...author,
        name: pickLocalized(author.name, row.language),
      })),
    })),
  }
}

/**
 * The newsroom's article list as the actor may see it: contributors and authors see their own.
 * With `q` it is a search of the index over every status, ranked by relevance unless sorted.
 */
export async function listArticlesFor(
  deps: { db: Kysely<Database>; search: SearchIndex },
  actor: Actor,
  request: ArticleListRequest,
): Promise<Page<ArticleListRow>> {
  const { db } = deps
  assertPermission(actor, 'articles.read')
  const filter: NewsroomArticleFilter = {
    statuses: request.status,
    language: request.language,
    updatedFrom: request.updatedFrom,
    updatedTo: request.updatedTo,
    text: request.q,
    sort: request.sort,
  }
  if (request.section !== undefined) {
    const sections = await listSections(db)
    const match = sections.find(
      (section) =>
        section.id === request.section ||
        Object.values(section.translations).some((text) => text.slug === request.section),
    )
    filter.sectionIds = match ? sectionWithDescendantIds(sections, match.id) : []
  }
  // Tags belong to an edition; without a language the slug is looked up in any of them.
  if (request.tag !== undefined) {
    // No `where true` placeholder: SQLite cannot bind a boolean, so the filter is left out.
    let tagQuery = db.selectFrom('tags').select('id').where('slug', '=', request.tag)
    if (request.language) tagQuery = tagQuery.where('language', '=', request.language)
    const tag = await tagQuery.executeTakeFirst()
    filter.tagId = tag?.id ?? -1
  }
  if (request.author !== undefined) {
    filter.authorId = (await findAuthorBySlug(db, request.author))?.id ?? -1
  }
  if ((request.mine || !seesAllArticles(actor)) && actor.kind === 'user') {
    filter.ownedByUserId = actor.userId
  } else if (request.mine) {
    // An API token is no one's: it owns no articles.
    filter.ownedByUserId = -1
  }
  if (!request.q?.trim()) return withNames(db, await listNewsroomArticles(db, filter, request))
  const results = await deps.search.search(
    {
      query: request.q,
      language: filter.language,
      sectionIds: filter.sectionIds,
      tagId: filter.tagId,
      authorId: filter.authorId,
      includeUnpublished: true,
      statuses: filter.statuses,
      ownedByUserId: filter.ownedByUserId,
      sort: request.sort === 'published' ? 'date' : 'relevance',
    },
    request,
  )
  return withNames(db, {
    ...results,
    items: results.items.map(({ article, snippet }) => ({
      id: article.id,
      language: article.language,
      status: article.status,
      type: article.type,
      coverageState: article.coverageState,
      headline: article.headline,
      slug: article.slug,
      sectionId: article.sectionId,
      isBreaking: article.isBreaking,
      isFeatured: article.isFeatured,
      publishedAt: article.publishedAt,
      scheduledAt: article.scheduledAt,
      updatedAt: article.updatedAt,
      createdBy: article.createdBy,
      version: article.version,
      snippet,
    })),
  })
}
