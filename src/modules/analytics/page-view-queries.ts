import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { ArticleSummary } from '../articles/article.js'
import { articlesOwnedBy } from '../articles/newsroom-article-queries.js'
import { isLiveIn } from '../articles/article-rules.js'

/** The UTC day of an instant, as stored in page_views. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10)
}

/**
 * Adds views to an article's count for the day: one upsert, no personal data, safe under
 * concurrent requests on both databases.
 */
export async function recordPageViews(
  db: Kysely<Database>,
  input: { articleId: number; day: string; views?: number },
): Promise<void> {
  const views = input.views ?? 1
  await db
    .insertInto('pageViews')
    .values({ articleId: input.articleId, day: input.day, views })
    .onConflict((conflict) =>
      conflict
        .columns(['articleId', 'day'])
        .doUpdateSet({ views: sql<number>`page_views.views + ${views}` }),
    )
    .execute()
}

/**
 * The most-read published articles of an edition over the days from `sinceDay` on; with
 * `ownedByUserId`, only those that person created or is bylined on.
 */
export async function listMostRead(
  db: Kysely<Database>,
  input: { language: string; sinceDay: string; limit: number; ownedByUserId?: number },
  now: Date,
): Promise<
  (Pick<ArticleSummary, 'id' | 'headline' | 'slug' | 'sectionId' | 'publishedAt'> & {
    views: number
  })[]
> {
  const { ownedByUserId } = input
  let query = db
    .selectFrom('pageViews')
    .innerJoin('articles', 'articles.id', 'pageViews.articleId')
    .select([
      'articles.id',
      'articles.headline',
      'articles.slug',
      'articles.sectionId',
      'articles.publishedAt',
    ])
    .select((eb) => eb.fn.sum<number>('pageViews.views').as('views'))
    .where('articles.language', '=', input.language)
    .where(isLiveIn('articles', now.toISOString()))
    .where('pageViews.day', '>=', input.sinceDay)
  if (ownedByUserId !== undefined) {
    query = query.where('articles.id', 'in', (eb) => articlesOwnedBy(eb, ownedByUserId))
  }
  const rows = await query
    .groupBy([
      'articles.id',
      'articles.headline',
      'articles.slug',
      'articles.sectionId',
      'articles.publishedAt',
    ])
    .orderBy('views', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(input.limit)
    .execute()
  return rows.map((row) => ({ ...row, views: Number(row.views) }))
}
