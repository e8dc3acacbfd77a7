import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder } from 'kysely'

/** Whether a Kysely instance talks to PostgreSQL (else SQLite). */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/**
 * The UTC month (`YYYY-MM`) of a time column. The one place the two databases need different SQL:
 * times are ISO text on SQLite and timestamptz on PostgreSQL (docs/decisions/0004).
 */
export function utcMonthOf<DB>(db: Kysely<DB>, column: Expression<unknown>): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM')`
    : sql<string>`substr(${column}, 1, 7)`
}

/**
 * The values of a JSON object column joined by spaces (`{"en":"Port","ar":"ميناء"}` → `Port
 * ميناء`), so a LIKE search matches the text of each language and never the language keys.
 */
export function jsonValuesText<DB>(
  db: Kysely<DB>,
  column: Expression<unknown>,
): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`(select coalesce(string_agg(value, ' '), '') from jsonb_each_text(${column}))`
    : sql<string>`(select coalesce(group_concat(value, ' '), '') from json_each(${column}))`
}

/**
 * Refreshes the query planner's statistics where they are missing or stale. SQLite has none until
 * asked and then reads a big table through the wrong index (a tag's newest stories took 80 ms
 * instead of 1 on 100,000 articles); PostgreSQL's autovacuum keeps its own.
 */
export async function refreshPlannerStatistics<DB>(db: Kysely<DB>): Promise<void> {
  // 0x10002: consider every table, and analyze with a row limit so a big file stays quick.
  if (!isPostgres(db)) await sql`pragma optimize = 0x10002`.execute(db)
}
