import { sql, type Kysely } from 'kysely'
import { dialectTypes } from './dialect-types.js'

/**
 * The search index: one document per article with its analysed (normalised, stemmed) text in four
 * fields and the columns searches filter on. SQLite indexes the fields with an external-content
 * FTS5 table that triggers keep in step; PostgreSQL with a generated, weighted tsvector ('simple'
 * configuration: the text is already analysed) and a GIN index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = dialectTypes(db)
  await db.schema
    .createTable('search_documents')
    .addColumn('article_id', 'integer', (c) =>
      c.primaryKey().references('articles.id').onDelete('cascade'),
    )
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'integer')
    .addColumn('published_at', t.timestamp)
    // Days since 1970 of the publication (or last change): the recency boost's input.
    .addColumn('dated_day', 'double precision', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Section, tag, author and source names.
    .addColumn('keywords', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('search_documents_edition_idx')
    .on('search_documents')
    .columns(['language', 'status', 'published_at'])
    .execute()

  if (t.isPostgres) {
    await sql`alter table search_documents add column document tsvector generated always as (
        setweight(to_tsvector('simple', headline), 'A') ||
        setweight(to_tsvector('simple', dek), 'B') ||
        setweight(to_tsvector('simple', keywords), 'C') ||
        setweight(to_tsvector('simple', body), 'D')
      ) stored`.execute(db)
    await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(
      db,
    )
    return
  }
  await sql`create virtual table search_fts using fts5(
      headline, dek, body, keywords,
      content = 'search_documents', content_rowid = 'article_id',
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db)
  const insertNew = sql`insert into search_fts (rowid, headline, dek, body, keywords)
      values (new.article_id, new.headline, new.dek, new.body, new.keywords);`
  const deleteOld = sql`insert into search_fts (search_fts, rowid, headline, dek, body, keywords)
      values ('delete', old.article_id, old.headline, old.dek, old.body, old.keywords);`
  await sql`create trigger search_documents_inserted after insert on search_documents begin ${insertNew} end`.execute(
    db,
  )
  await sql`create trigger search_documents_deleted after delete on search_documents begin ${deleteOld} end`.execute(
    db,
  )
  await sql`create trigger search_documents_updated after update on search_documents begin ${deleteOld} ${insertNew} end`.execute(
    db,
  )
}
