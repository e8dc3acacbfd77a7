import type { Kysely } from 'kysely'

/**
 * Section and source listings are always of one edition: with the language in their indexes, a
 * listing's newest articles and its count are read from the index alone, instead of visiting
 * every article of the section (200 ms for a 100,000-article section on SQLite before). Pinned
 * and breaking stories, a handful among thousands, get indexes of their own, so the home page and
 * the breaking bar on every page find them without reading the whole edition.
 */
const LISTING_INDEXES: [string, string][] = [
  ['articles_section_latest_idx', 'section_id'],
  ['articles_source_latest_idx', 'source_id'],
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of LISTING_INDEXES) {
    await db.schema.dropIndex(name).execute()
    await db.schema
      .createIndex(name)
      .on('articles')
      .columns([column, 'language', 'status', 'published_at', 'id'])
      .execute()
  }
  await db.schema
    .createIndex('articles_pinned_idx')
    .on('articles')
    .column('pinned_position')
    .where('pinned_position', 'is not', null)
    .execute()
  await db.schema
    .createIndex('articles_breaking_idx')
    .on('articles')
    .columns(['is_breaking', 'language', 'status', 'published_at', 'id'])
    .execute()
}
