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

/** Most-viewed articles weighed at a time, per article asked for (most are live in the edition). */
const CANDIDATES_PER_ARTICLE = 4

/**
 * The most-read published articles of an edition over the days from `sinceDay` on; with
 * `ownedByUserId`, only those that person created or is bylined on. The views are ranked from
 * `page_views` alone, then only the first candidates' articles are read (an article's row is
 * large, and a week's views touch thousands of them), with more rounds when too few of them are
 * live in this edition.
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
  const chosen: Awaited<ReturnType<typeof listMostRead>> = []
  // Each round weighs four times as many: an edition read far less than the other finds its
  // few in a handful of rounds, not one per batch.
  let batch = Math.max(input.limit * CANDIDATES_PER_ARTICLE, 1)
  for (let offset = 0; chosen.length < input.limit; offset += batch, batch *= 4) {
    let ranked = db
      .selectFrom('pageViews')
      .select(['pageViews.articleId', (eb) => eb.fn.sum<number>('pageViews.views').as('views')])
      .where('pageViews.day', '>=', input.sinceDay)
    if (ownedByUserId !== undefined)
      ranked = ranked.where('pageViews.articleId', 'in', (eb) => articlesOwnedBy(eb, ownedByUserId))
    const candidates = await ranked
      .groupBy('pageViews.articleId')
      .orderBy('views', 'desc')
      .orderBy('pageViews.articleId', 'desc')
      .limit(batch)
      .offset(offset)
      .execute()
    if (candidates.length === 0) break
    const articles = await db
      .selectFrom('articles')
      .select(['id', 'headline', 'slug', 'sectionId', 'publishedAt'])
      .where(
        'id',
        'in',
        candidates.map((candidate) => candidate.articleId),
      )
      .where('language', '=', input.language)
      .where(isLiveIn('articles', now.toISOString()))
      .execute()
    const byId = new Map(articles.map((article) => [article.id, article]))
    for (const candidate of candidates) {
      const article = byId.get(candidate.articleId)
      if (article && chosen.length < input.limit)
        chosen.push({ ...article, views: Number(candidate.views) })
    }
    if (candidates.length < batch) break
  }
  return chosen
}
