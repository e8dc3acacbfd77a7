import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely'
import { dialectTypes } from './dialect-types.js'

/**
 * The newsroom: typed notices tied to revisions, edit locks, login throttling, password resets,
 * two-factor enrolment and webhooks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = dialectTypes(db)
  const withId = <N extends string>(table: CreateTableBuilder<N>) =>
    table.addColumn('id', t.serial, (c: ColumnDefinitionBuilder) =>
      t.isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull()
  const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0)

  // Notices gain two kinds and the revision that made them. SQLite cannot change a check
  // constraint in place, so the table is rebuilt on both databases the same way.
  await withId(db.schema.createTable('article_notices_next'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('correction', 'clarification', 'update', 'editors_note')`),
    )
    .addColumn('text', 'text', notNull)
    .addColumn('revision_id', 'integer', (c) =>
      c.references('article_revisions.id').onDelete('set null'),
    )
    .addColumn('created_at', t.timestamp, notNull)
    .execute()
  await sql`insert into article_notices_next (id, article_id, kind, text, created_at)
    select id, article_id, kind, text, created_at from article_notices`.execute(db)
  await db.schema.dropTable('article_notices').execute()
  await db.schema.alterTable('article_notices_next').renameTo('article_notices').execute()
  if (t.isPostgres) {
    await sql`select setval(pg_get_serial_sequence('article_notices', 'id'),
      coalesce((select max(id) from article_notices), 0) + 1, false)`.execute(db)
  }
  await db.schema
    .createIndex('article_notices_article_idx')
    .on('article_notices')
    .columns(['article_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('article_locks')
    .addColumn('article_id', 'integer', (c) =>
      c.primaryKey().references('articles.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('acquired_at', t.timestamp, notNull)
    .addColumn('refreshed_at', t.timestamp, notNull)
    .execute()

  await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute()

  await db.schema
    .createTable('login_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', zero)
    .addColumn('blocked_until', t.timestamp)
    .addColumn('updated_at', t.timestamp, notNull)
    .execute()

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', t.timestamp, notNull)
    .addColumn('used_at', t.timestamp)
    .execute()

  await withId(db.schema.createTable('webhooks'))
    .addColumn('url', 'text', notNull)
    .addColumn('events', t.json, notNull)
    .addColumn('secret', 'text', notNull)
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, notNull)
    .execute()

  await withId(db.schema.createTable('webhook_deliveries'))
    .addColumn('webhook_id', 'integer', (c) =>
      c.notNull().references('webhooks.id').onDelete('cascade'),
    )
    .addColumn('event', 'text', notNull)
    .addColumn('payload', t.json, notNull)
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', zero)
    .addColumn('response_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('updated_at', t.timestamp, notNull)
    .execute()
  await db.schema
    .createIndex('webhook_deliveries_webhook_idx')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'created_at'])
    .execute()
}
