import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Article } from './article.js'

/**
 * What "live" means, stated once: an article readers may see is published and its publication
 * time has come (a published article may carry a time in the future: it waits until then). The
 * newsroom, the public site, feeds, sitemaps, search and the content API all ask these two.
 */
export function isLiveArticle(
  article: Pick<Article, 'status' | 'publishedAt'>,
  now: Date,
): boolean {
  return (
    article.status === 'published' &&
    article.publishedAt !== null &&
    Date.parse(article.publishedAt) <= now.getTime()
  )
}

/**
 * The same rule as a condition of a query, over `articles` or any table or alias with the same
 * `status` and `published_at` columns (a translation's alias, the search index's documents).
 * `now` is an ISO 8601 instant, so a query template can take it as a parameter.
 */
export function isLiveIn(table: string, now: string) {
  return <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> =>
    eb.and([
      eb(sql.ref(`${table}.status`), '=', 'published'),
      eb(sql.ref(`${table}.publishedAt`), '<=', now),
    ])
}
