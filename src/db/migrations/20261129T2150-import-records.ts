import type { Kysely } from 'kysely'
import { dialectTypes } from './dialect-types.js'

/**
 * What imports brought in, so a second run updates instead of duplicating: one row per item of
 * another system (a WordPress post, category or attachment, a Ghost post or tag), keyed by the
 * system, the kind of item and its id there, with the Masthead row it became.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = dialectTypes(db)
  await db.schema
    .createTable('import_records')
    .addColumn('id', t.serial, (c) =>
      t.isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    // 'wordpress' or 'ghost'.
    .addColumn('origin', 'text', (c) => c.notNull())
    // 'article', 'page', 'media', 'gallery', 'section', 'tag', 'author'.
    .addColumn('kind', 'text', (c) => c.notNull())
    // The item's id in its system, prefixed with its site (post ids repeat across sites).
    .addColumn('external_id', 'text', (c) => c.notNull())
    // With the id, what tells one post from another: two exports of one site address may reuse
    // an id for different posts. '' for items without one.
    .addColumn('guid', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('entity_id', 'integer')
    // A remote file not brought in (an attachment without a local copy): its URL.
    .addColumn('remote_url', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('import_records_external_unique', [
      'origin',
      'kind',
      'external_id',
      'guid',
    ])
    .execute()
  await db.schema
    .createIndex('import_records_guid_idx')
    .on('import_records')
    .columns(['origin', 'kind', 'guid'])
    .execute()
}
