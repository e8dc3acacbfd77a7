import {
  sql,
  type AliasedRawBuilder,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
} from 'kysely'
import { isPostgres } from '../../db/dialect-sql.js'
import type { Database, SearchDocumentsTable } from '../../db/database.js'
import type { QueryItem, SearchQuery } from './parse-search-query.js'

/**
 * The only place where search differs per database (STYLE rule 9): how a parsed query is written
 * for SQLite FTS5 and for PostgreSQL tsquery, how a match is ranked, and how the index is tidied
 * after a rebuild. Both query languages receive the query as one bound parameter, built here from
 * analysed terms (letters and digits only), each quoted, so no reader's syntax ever reaches them.
 */

/** How much a match in each field weighs: headline > dek > names (tags, authors…) > body. */
const WEIGHTS = { headline: 10, dek: 4, keywords: 2.5, body: 1 }

function ftsTerm(term: string): string {
  return `"${term.replace(/"/g, '""')}"`
}

function ftsItem(item: QueryItem): string {
  // A phrase is its terms in one quoted string: FTS5 matches them adjacent and in order.
  return ftsTerm(item.terms.join(' '))
}

/** The FTS5 MATCH expression of a query: `A AND (B OR C) NOT D`. */
export function toFtsMatch(query: SearchQuery): string {
  const positive = query.all
    .map((group) =>
      group.length === 1
        ? ftsItem(group[0] ?? { terms: [] })
        : `(${group.map(ftsItem).join(' OR ')})`,
    )
    .join(' AND ')
  return [`(${positive})`, ...query.none.map(ftsItem)].join(' NOT ')
}

function tsLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

function tsItem(item: QueryItem): string {
  return item.terms.length === 1
    ? tsLexeme(item.terms[0] ?? '')
    : `(${item.terms.map(tsLexeme).join(' <-> ')})`
}

/** The tsquery text of a query: `a & (b | c) & !d`. */
export function toTsQuery(query: SearchQuery): string {
  const positive = query.all.map((group) =>
    group.length === 1 ? tsItem(group[0] ?? { terms: [] }) : `(${group.map(tsItem).join(' | ')})`,
  )
  return [...positive, ...query.none.map((item) => `!${tsItem(item)}`)].join(' & ')
}

/**
 * The documents of `search_documents as d` matching a query. A search selects `candidates` from
 * them, newest first in the order the full-text index reads itself (so that a LIMIT stops the read
 * early), as a subquery `c`, and ranks those by `relevance`.
 */
export interface FullTextMatch {
  documents: SelectQueryBuilder<Database & { d: SearchDocumentsTable }, 'd', object>
  candidates: AliasedRawBuilder<unknown, string>[]
  newestFirst: RawBuilder<number>
  /** Over the candidates `c`; higher is better. */
  relevance: RawBuilder<number>
}

export function fullTextMatch(db: Kysely<Database>, query: SearchQuery): FullTextMatch {
  if (isPostgres(db)) {
    const tsquery = sql`cast(${toTsQuery(query)} as tsquery)`
    // Weights are listed D, C, B, A; normalisation 1 divides by 1 + log(length), as bm25 damps long bodies.
    const weights = `{${WEIGHTS.body / 10}, ${WEIGHTS.keywords / 10}, ${WEIGHTS.dek / 10}, ${WEIGHTS.headline / 10}}`
    return {
      documents: db
        .selectFrom('searchDocuments as d')
        .where(sql<boolean>`d.document @@ ${tsquery}`),
      // Ranked after the LIMIT: ts_rank reads the whole tsvector of each row it scores.
      candidates: [sql`d.document`.as('document')],
      newestFirst: sql<number>`d.article_id`,
      relevance: sql<number>`ts_rank(cast(${weights} as float4[]), c.document, ${tsquery}, 1)`,
    }
  }
  // CROSS JOIN keeps FTS5 as the outer loop: as an inner join, SQLite's planner starts from the
  // edition index and probes FTS5 once per article of the edition (a second per query at 100k).
  const documents = db
    .selectFrom(sql`search_fts`.as('search_fts'))
    .crossJoin('searchDocuments as d')
    .where(sql<boolean>`search_fts.rowid = d.article_id`)
    .where(sql<boolean>`search_fts match ${toFtsMatch(query)}`)
  return {
    documents,
    // bm25() works only beside its MATCH; SQLite evaluates it for the rows the LIMIT lets through.
    candidates: [
      sql`(-bm25(search_fts, ${sql.lit(WEIGHTS.headline)}, ${sql.lit(WEIGHTS.dek)}, ${sql.lit(WEIGHTS.body)}, ${sql.lit(WEIGHTS.keywords)}))`.as(
        'relevance',
      ),
    ],
    newestFirst: sql<number>`search_fts.rowid`,
    relevance: sql<number>`c.relevance`,
  }
}

/** Tidies the index after a rebuild: merges FTS5 segments, or refreshes PostgreSQL statistics. */
export async function optimizeSearchIndex(db: Kysely<Database>): Promise<void> {
  if (isPostgres(db)) await sql`analyze search_documents`.execute(db)
  else await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db)
}
