import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely'
import { dialectTypes } from './dialect-types.js'

/** The content model: editions, taxonomy, articles, pages, media, newsroom accounts and jobs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = dialectTypes(db)
  const withId = <N extends string>(table: CreateTableBuilder<N>) =>
    table.addColumn('id', t.serial, (c: ColumnDefinitionBuilder) =>
      t.isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull()
  const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0)

  await db.schema
    .createTable('editions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', notNull)
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('ltr', 'rtl')`))
    .addColumn('locale', 'text', notNull)
    .addColumn('is_default', 'integer', zero)
    .addColumn('position', 'integer', zero)
    .execute()

  await withId(db.schema.createTable('sections'))
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id').onDelete('restrict'))
    .addColumn('position', 'integer', zero)
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('updated_at', t.timestamp, notNull)
    .execute()
  await db.schema.createIndex('sections_parent_idx').on('sections').column('parent_id').execute()

  await db.schema
    .createTable('section_translations')
    .addColumn('section_id', 'integer', (c) =>
      c.notNull().references('sections.id').onDelete('cascade'),
    )
    .addColumn('language', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('name', 'text', notNull)
    .addColumn('slug', 'text', notNull)
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('section_translations_pk', ['section_id', 'language'])
    .addUniqueConstraint('section_translations_slug_unique', ['language', 'slug'])
    .execute()

  await withId(db.schema.createTable('tags'))
    .addColumn('language', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('name', 'text', notNull)
    .addColumn('slug', 'text', notNull)
    .addColumn('description', 'text')
    .addColumn('created_at', t.timestamp, notNull)
    .addUniqueConstraint('tags_slug_unique', ['language', 'slug'])
    .execute()

  await withId(db.schema.createTable('media'))
    .addColumn('storage_key', 'text', notNull)
    .addColumn('original_filename', 'text', notNull)
    .addColumn('mime_type', 'text', notNull)
    .addColumn('size_bytes', 'integer', notNull)
    .addColumn('width', 'integer', notNull)
    .addColumn('height', 'integer', notNull)
    .addColumn('alt', t.json, notNull)
    .addColumn('caption', t.json, notNull)
    .addColumn('credit', 'text')
    .addColumn('copyright', 'text')
    .addColumn('focal_x', 'real', (c) => c.notNull().defaultTo(0.5))
    .addColumn('focal_y', 'real', (c) => c.notNull().defaultTo(0.5))
    .addColumn('dominant_color', 'text')
    .addColumn('uploaded_by', 'integer')
    .addColumn('created_at', t.timestamp, notNull)
    .execute()
  await db.schema
    .createIndex('media_created_idx')
    .on('media')
    .columns(['created_at', 'id'])
    .execute()
  await db.schema.createIndex('media_storage_key_idx').on('media').column('storage_key').execute()

  await withId(db.schema.createTable('galleries'))
    .addColumn('title', t.json, notNull)
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('updated_at', t.timestamp, notNull)
    .execute()

  await db.schema
    .createTable('gallery_items')
    .addColumn('gallery_id', 'integer', (c) =>
      c.notNull().references('galleries.id').onDelete('cascade'),
    )
    .addColumn('media_id', 'integer', (c) =>
      c.notNull().references('media.id').onDelete('restrict'),
    )
    .addColumn('position', 'integer', notNull)
    .addColumn('caption', t.json)
    .addColumn('credit', 'text')
    .addPrimaryKeyConstraint('gallery_items_pk', ['gallery_id', 'position'])
    .execute()
  await db.schema
    .createIndex('gallery_items_media_idx')
    .on('gallery_items')
    .column('media_id')
    .execute()

  await withId(db.schema.createTable('users'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('contributor', 'author', 'editor', 'admin')`),
    )
    .addColumn('totp_secret', 'text')
    .addColumn('disabled_at', t.timestamp)
    .addColumn('last_login_at', t.timestamp)
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('updated_at', t.timestamp, notNull)
    .execute()

  await withId(db.schema.createTable('authors'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', t.json, notNull)
    .addColumn('bio', t.json, notNull)
    .addColumn('user_id', 'integer', (c) => c.unique().references('users.id').onDelete('set null'))
    .addColumn('avatar_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('links', t.json, notNull)
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('updated_at', t.timestamp, notNull)
    .execute()

  await withId(db.schema.createTable('sources'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', t.json, notNull)
    .addColumn('url', 'text')
    .addColumn('created_at', t.timestamp, notNull)
    .execute()

  await withId(db.schema.createTable('articles'))
    .addColumn('language', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('translation_group', 'text')
    .addColumn('section_id', 'integer', (c) =>
      c.notNull().references('sections.id').onDelete('restrict'),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('draft', 'in_review', 'scheduled', 'published', 'unpublished')`),
    )
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .defaultTo('report')
        .check(sql`type in ('report', 'analysis', 'opinion', 'background', 'review')`),
    )
    .addColumn('headline', 'text', notNull)
    .addColumn('dek', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('slug', 'text', notNull)
    .addColumn('body_doc', t.json, notNull)
    .addColumn('body_html', 'text', notNull)
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hero_media_id', 'integer', (c) => c.references('media.id').onDelete('restrict'))
    .addColumn('hero_gallery_id', 'integer', (c) =>
      c.references('galleries.id').onDelete('restrict'),
    )
    .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('restrict'))
    .addColumn('source_url', 'text')
    .addColumn('is_breaking', 'integer', zero)
    .addColumn('breaking_until', t.timestamp)
    .addColumn('is_featured', 'integer', zero)
    .addColumn('pinned_position', 'integer')
    .addColumn('seo', t.json, notNull)
    .addColumn('published_at', t.timestamp)
    .addColumn('scheduled_at', t.timestamp)
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('updated_at', t.timestamp, notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('articles_translation_unique', ['translation_group', 'language'])
    .execute()
  // Lists are always "published, newest first" within an edition, a section or a source.
  const articleIndexes: [string, string[]][] = [
    ['articles_edition_latest_idx', ['language', 'status', 'published_at', 'id']],
    ['articles_section_latest_idx', ['section_id', 'status', 'published_at', 'id']],
    ['articles_source_latest_idx', ['source_id', 'status', 'published_at', 'id']],
    ['articles_schedule_idx', ['status', 'scheduled_at']],
    ['articles_updated_idx', ['updated_at', 'id']],
    ['articles_hero_media_idx', ['hero_media_id']],
    ['articles_hero_gallery_idx', ['hero_gallery_id']],
  ]
  for (const [name, columns] of articleIndexes) {
    await db.schema.createIndex(name).on('articles').columns(columns).execute()
  }

  const articleLink = (
    table: string,
    column: string,
    target: string,
    targetOnDelete: 'cascade' | 'restrict',
  ) =>
    db.schema
      .createTable(table)
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn(column, 'integer', (c) => c.notNull().references(target).onDelete(targetOnDelete))
      .addColumn('position', 'integer', zero)
      .addPrimaryKeyConstraint(`${table}_pk`, ['article_id', column])
      .execute()
  await articleLink('article_authors', 'author_id', 'authors.id', 'restrict')
  await articleLink('article_tags', 'tag_id', 'tags.id', 'cascade')
  await articleLink('article_relations', 'related_article_id', 'articles.id', 'cascade')
  await db.schema
    .createIndex('article_authors_author_idx')
    .on('article_authors')
    .columns(['author_id', 'article_id'])
    .execute()
  await db.schema
    .createIndex('article_tags_tag_idx')
    .on('article_tags')
    .columns(['tag_id', 'article_id'])
    .execute()
  await db.schema
    .createIndex('article_relations_related_idx')
    .on('article_relations')
    .column('related_article_id')
    .execute()

  await withId(db.schema.createTable('article_notices'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('correction', 'update')`))
    .addColumn('text', 'text', notNull)
    .addColumn('created_at', t.timestamp, notNull)
    .execute()
  await db.schema
    .createIndex('article_notices_article_idx')
    .on('article_notices')
    .columns(['article_id', 'created_at'])
    .execute()

  await withId(db.schema.createTable('article_revisions'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', notNull)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('save', 'autosave', 'restore')`),
    )
    .addColumn('snapshot', t.json, notNull)
    .addColumn('changed_fields', t.json, notNull)
    .addColumn('created_at', t.timestamp, notNull)
    .addUniqueConstraint('article_revisions_number_unique', ['article_id', 'number'])
    .execute()

  await withId(db.schema.createTable('pages'))
    .addColumn('language', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('slug', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('body_doc', t.json, notNull)
    .addColumn('body_html', 'text', notNull)
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('translation_group', 'text')
    .addColumn('is_in_footer', 'integer', zero)
    .addColumn('position', 'integer', zero)
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('updated_at', t.timestamp, notNull)
    .addColumn('published_at', t.timestamp)
    .addUniqueConstraint('pages_slug_unique', ['language', 'slug'])
    .execute()

  await withId(db.schema.createTable('redirects'))
    .addColumn('from_path', 'text', (c) => c.notNull().unique())
    .addColumn('to_path', 'text', notNull)
    .addColumn('status_code', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(301)
        .check(sql`status_code in (301, 302, 307, 308, 410)`),
    )
    .addColumn('created_at', t.timestamp, notNull)
    .execute()

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', t.json, notNull)
    .addColumn('updated_at', t.timestamp, notNull)
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', notNull)
    .addColumn('ip_address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('last_seen_at', t.timestamp, notNull)
    .addColumn('expires_at', t.timestamp, notNull)
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()
  await db.schema.createIndex('sessions_expiry_idx').on('sessions').column('expires_at').execute()

  await withId(db.schema.createTable('api_tokens'))
    .addColumn('name', 'text', notNull)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', t.json, notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute()

  await withId(db.schema.createTable('contact_messages'))
    .addColumn('language', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('name', 'text', notNull)
    .addColumn('email', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('message', 'text', notNull)
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('read_at', t.timestamp)
    .execute()
  await db.schema
    .createIndex('contact_messages_inbox_idx')
    .on('contact_messages')
    .columns(['read_at', 'created_at'])
    .execute()

  await db.schema
    .createTable('page_views')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', notNull)
    .addColumn('views', 'integer', zero)
    .addPrimaryKeyConstraint('page_views_pk', ['article_id', 'day'])
    .execute()
  await db.schema
    .createIndex('page_views_day_idx')
    .on('page_views')
    .columns(['day', 'article_id'])
    .execute()

  await withId(db.schema.createTable('audit_log'))
    .addColumn('actor_type', 'text', (c) =>
      c.notNull().check(sql`actor_type in ('user', 'token', 'system')`),
    )
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', notNull)
    .addColumn('entity_type', 'text', notNull)
    .addColumn('entity_id', 'text')
    .addColumn('details', t.json, notNull)
    .addColumn('created_at', t.timestamp, notNull)
    .execute()
  await db.schema
    .createIndex('audit_log_created_idx')
    .on('audit_log')
    .columns(['created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute()

  await withId(db.schema.createTable('jobs'))
    .addColumn('kind', 'text', notNull)
    .addColumn('payload', t.json, notNull)
    .addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('run_at', t.timestamp, notNull)
    .addColumn('attempts', 'integer', zero)
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('locked_by', 'text')
    .addColumn('locked_at', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, notNull)
    .addColumn('updated_at', t.timestamp, notNull)
    .execute()
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute()
}
