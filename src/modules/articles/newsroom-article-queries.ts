import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { resolvePageRequest, toPage, type Page, type PageRequest } from '../../db/pagination.js'
import type { ArticleStatus, ArticleType, CoverageState } from './article.js'

/** An article as the newsroom's lists show it, in any status. */
export interface NewsroomArticleRow {
  id: number
  language: string
  status: ArticleStatus
  type: ArticleType
  /** A live story's coverage (the list marks live stories); null for every other type. */
  coverageState: CoverageState | null
  headline: string
  slug: string
  sectionId: number
  isBreaking: boolean
  isFeatured: boolean
  publishedAt: string | null
  scheduledAt: string | null
  updatedAt: string
  createdBy: number | null
  version: number
}

export interface NewsroomArticleFilter {
  statuses?: ArticleStatus[]
  language?: string
  sectionIds?: number[]
  tagId?: number
  authorId?: number
  /** Updated at or after / before these instants (ISO). */
  updatedFrom?: string
  updatedTo?: string
  /** Words that must all appear in the headline or dek. */
  text?: string
  /** Only articles this user created or is bylined on (contributors and authors). */
  ownedByUserId?: number
  /** Only breaking news that has not expired at this instant (ISO). */
  breakingAt?: string
  /** `scheduled`: the next due first. */
  sort?: 'updated' | 'published' | 'headline' | 'scheduled'
}

/**
 * The ids of the articles a user created or is bylined on, as a subquery:
 * `.where('id', 'in', (eb) => articlesOwnedBy(eb, userId))`.
 */
export function articlesOwnedBy<DB extends Database, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  userId: number,
) {
  const ebOnDatabase = eb as unknown as ExpressionBuilder<Database, never>
  return ebOnDatabase
    .selectFrom('articles')
    .select('articles.id')
    .where('articles.createdBy', '=', userId)
    .union(
      ebOnDatabase
        .selectFrom('articleAuthors')
        .innerJoin('authors', 'authors.id', 'articleAuthors.authorId')
        .select('articleAuthors.articleId as id')
        .where('authors.userId', '=', userId),
    )
}

/** A LIKE pattern for a word; wildcard characters are dropped (no portable escape in LIKE). */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, '')}%`
}

/** One page of the newsroom's article list, any status, with its filters. */
export async function listNewsroomArticles(
  db: Kysely<Database>,
  filter: NewsroomArticleFilter,
  pageRequest: PageRequest,
): Promise<Page<NewsroomArticleRow>> {
  const request = resolvePageRequest(pageRequest)
  let query = db.selectFrom('articles')
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses)
  if (filter.language) query = query.where('language', '=', filter.language)
  if (filter.sectionIds) {
    query = query.where('sectionId', 'in', filter.sectionIds.length ? filter.sectionIds : [-1])
  }
  if (filter.updatedFrom) query = query.where('updatedAt', '>=', filter.updatedFrom)
  if (filter.updatedTo) query = query.where('updatedAt', '<', filter.updatedTo)
  const { tagId, authorId, ownedByUserId, breakingAt } = filter
  if (breakingAt !== undefined) {
    query = query
      .where('isBreaking', '=', 1)
      .where((eb) => eb.or([eb('breakingUntil', 'is', null), eb('breakingUntil', '>', breakingAt)]))
  }
  if (tagId !== undefined) {
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('articleTags').select('articleId').where('tagId', '=', tagId),
    )
  }
  if (authorId !== undefined) {
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('articleAuthors').select('articleId').where('authorId', '=', authorId),
    )
  }
  if (ownedByUserId !== undefined) {
    query = query.where('id', 'in', (eb) => articlesOwnedBy(eb, ownedByUserId))
  }
  for (const word of (filter.text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = containsPattern(word.toLowerCase())
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['headline']), 'like', pattern),
        eb(eb.fn('lower', ['dek']), 'like', pattern),
      ]),
    )
  }
  const ordered =
    filter.sort === 'headline'
      ? query.orderBy('headline').orderBy('id')
      : filter.sort === 'published'
        ? query.orderBy('publishedAt', 'desc').orderBy('id', 'desc')
        : filter.sort === 'scheduled'
          ? query.orderBy('scheduledAt').orderBy('id')
          : query.orderBy('updatedAt', 'desc').orderBy('id', 'desc')
  const [rows, count] = await Promise.all([
    ordered
      .select([
        'id',
        'language',
        'status',
        'type',
        'coverageState',
        'headline',
        'slug',
        'sectionId',
        'isBreaking',
        'isFeatured',
        'publishedAt',
        'scheduledAt',
        'updatedAt',
        'createdBy',
        'version',
      ])
      .limit(request.pageSize)
      .offset(request.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return toPage(
    rows.map((row) => ({
      ...row,
      isBreaking: row.isBreaking === 1,
      isFeatured: row.isFeatured === 1,
    })),
    Number(count.total),
    request,
  )
}

/** Whether a user created an article or is one of its bylines. */
export async function isArticleOwnedBy(
  db: Kysely<Database>,
  articleId: number,
  userId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('id', '=', articleId)
    .where('id', 'in', (eb) => articlesOwnedBy(eb, userId))
    .executeTakeFirst()
  return row !== undefined
}
