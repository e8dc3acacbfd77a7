import type { Kysely } from 'kysely'
import { dialectTypes } from './dialect-types.js'

/**
 * Agency wires: the feeds the newsroom polls (each belongs to a source, the agency credited on
 * articles made from it) and the queue of items they brought, which nobody publishes by itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = dialectTypes(db)
  await db.schema
    .createTable('wire_feeds')
    .addColumn('id', t.serial, (c) =>
      t.isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('source_id', 'integer', (c) =>
      c.notNull().references('sources.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    // Exactly one of the two: an http(s) URL, or a folder under the data folder's wires/.
    .addColumn('url', 'text')
    .addColumn('folder', 'text')
    // 'rss', 'atom' or 'ninjs'.
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('poll_interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('is_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    // The validators of the last answer, sent back as If-None-Match / If-Modified-Since.
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('next_poll_at', t.timestamp, (c) => c.notNull())
    // A process polling the feed holds it until then; a crashed one lets go when it passes.
    .addColumn('claimed_until', t.timestamp)
    .addColumn('last_polled_at', t.timestamp)
    .addColumn('last_success_at', t.timestamp)
    .addColumn('failure_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('wire_items')
    .addColumn('id', t.serial, (c) =>
      t.isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('source_id', 'integer', (c) =>
      c.notNull().references('sources.id').onDelete('cascade'),
    )
    .addColumn('feed_id', 'integer', (c) => c.references('wire_feeds.id').onDelete('set null'))
    // The agency's id of the item: RSS guid (or link), Atom id, ninjs uri.
    .addColumn('guid', 'text', (c) => c.notNull())
    // ninjs version; 0 for formats without one.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_doc', t.json, (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('byline', 'text')
    .addColumn('published_at', t.timestamp)
    // 'new' or 'used'.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('used_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('used_at', t.timestamp)
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('wire_items_source_guid_unique', ['source_id', 'guid'])
    .execute()
  await db.schema
    .createIndex('wire_items_received_idx')
    .on('wire_items')
    .columns(['received_at', 'id'])
    .execute()
}
