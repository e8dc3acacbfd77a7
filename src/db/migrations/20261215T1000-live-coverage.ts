import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely'
import { dialectTypes } from './dialect-types.js'

const OLD_TYPES = `('report', 'analysis', 'opinion', 'background', 'review')`
const NEW_TYPES = `('report', 'analysis', 'opinion', 'background', 'review', 'live')`

/**
 * SQLite cannot change a check constraint in place, so `articles` is rebuilt from its own stored
 * definition with the wider check: copied, swapped, and its indexes and triggers made again.
 * Foreign keys are off meanwhile (dropping the old table would otherwise cascade into every
 * child table) and checked before the commit. SQLite migrations run outside a transaction, on
 * the one connection, so the pragma and the transaction here are this migration's own.
 */
async function widenArticleTypesOnSqlite(db: Kysely<unknown>): Promise<void> {
  const schema = await sql<{ type: string; name: string; sql: string }>`
    select type, name, sql from sqlite_schema
    where tbl_name = 'articles' and sql is not null`.execute(db)
  const table = schema.rows.find((row) => row.type === 'table')
  if (!table?.sql.includes(OLD_TYPES)) throw new Error('articles.type has an unexpected check')
  const rebuilt = table.sql
    .replace(/^create table "?articles"?/i, 'create table "articles_next"')
    .replace(OLD_TYPES, NEW_TYPES)
  await sql`pragma foreign_keys = off`.execute(db)
  try {
    await sql`begin immediate`.execute(db)
    try {
      await sql.raw(rebuilt).execute(db)
      await sql`insert into articles_next select * from articles`.execute(db)
      await sql`drop table articles`.execute(db)
      await sql`alter table articles_next rename to articles`.execute(db)
      for (const row of schema.rows.filter((entry) => entry.type !== 'table'))
        await sql.raw(row.sql).execute(db)
      const broken = await sql`pragma foreign_key_check`.execute(db)
      if (broken.rows.length > 0) throw new Error('The rebuilt articles table breaks foreign keys')
      await sql`commit`.execute(db)
    } catch (error) {
      await sql`rollback`.execute(db)
      throw error
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db)
  }
}

/**
 * Live coverage: the article type `live`, its coverage state and times, and the stream of
 * entries a live story is made of. An entry is deleted softly (`deleted_at`), so a reader that
 * resumes a dropped stream still learns that it went, and the audit log can name it.
 * `edited_at` is when its words changed (readers see "updated"); `changed_at` is when anything
 * did, its flags or its deletion included (the live desk asks for what changed since).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = dialectTypes(db)
  if (t.isPostgres) {
    await sql`alter table articles drop constraint articles_type_check`.execute(db)
    await sql`alter table articles add constraint articles_type_check
      check (type in ${sql.raw(NEW_TYPES)})`.execute(db)
  } else {
    await widenArticleTypesOnSqlite(db)
  }
  await db.schema
    .alterTable('articles')
    .addColumn('coverage_state', 'text', (c) => c.check(sql`coverage_state in ('live', 'ended')`))
    .execute()
  await db.schema.alterTable('articles').addColumn('coverage_started_at', t.timestamp).execute()
  await db.schema.alterTable('articles').addColumn('coverage_ended_at', t.timestamp).execute()

  const notNull = (c: ColumnDefinitionBuilder) => c.notNull()
  const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0)
  await db.schema
    .createTable('live_entries')
    .addColumn('id', t.serial, (c) =>
      t.isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text')
    .addColumn('body_doc', t.json, notNull)
    .addColumn('body_html', 'text', notNull)
    .addColumn('is_key_event', 'integer', zero)
    .addColumn('is_pinned', 'integer', zero)
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('edited_at', t.timestamp)
    .addColumn('deleted_at', t.timestamp)
    .addColumn('changed_at', t.timestamp, notNull)
    .execute()
  await db.schema
    .createIndex('live_entries_article_idx')
    .on('live_entries')
    .columns(['article_id', 'id'])
    .execute()
  // One pinned entry per story, whatever the service does.
  await db.schema
    .createIndex('live_entries_one_pinned_idx')
    .on('live_entries')
    .column('article_id')
    .unique()
    .where(sql<boolean>`is_pinned = 1 and deleted_at is null`)
    .execute()
}
