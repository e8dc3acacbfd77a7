import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { resolvePageRequest, toPage, type Page, type PageRequest } from '../../db/pagination.js'
import type { ArticleSummary } from '../articles/article.js'
import { listPublishedArticles } from '../articles/article-queries.js'

const LONGEST_QUERY = 200
const MOST_TERMS = 8

/** The words of a reader's query: trimmed, lower-cased, at most 8 of them and 200 characters. */
export function searchTerms(query: string): string[] {
  return query
    .slice(0, LONGEST_QUERY)
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\p{P}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, MOST_TERMS)
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

/**
 * Live articles of an edition containing every term in the headline, dek or body, newest first.
 * A plain substring match on both databases; relevance ranking and Arabic normalisation belong to
 * the search index.
 */
export async function searchPublishedArticles(
  db: Kysely<Database>,
  input: { language: string; terms: string[] },
  pageRequest: PageRequest,
  now: Date,
): Promise<Page<ArticleSummary>> {
  const request = resolvePageRequest(pageRequest)
  if (input.terms.length === 0) return toPage([], 0, request)
  const matching = db
    .selectFrom('articles')
    .select('id')
    .where((eb) =>
      eb.and(
        input.terms.map(
          (term) =>
            sql<boolean>`lower(${eb.ref('headline')} || ' ' || ${eb.ref('dek')} || ' ' || ${eb.ref('bodyHtml')}) like ${likePattern(term)} escape '\\'`,
        ),
      ),
    )
  const ids = (await matching.execute()).map((row) => row.id)
  if (ids.length === 0) return toPage([], 0, request)
  return listPublishedArticles(db, { language: input.language, includeIds: ids }, request, now)
}
