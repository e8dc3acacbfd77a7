import type { Kysely } from 'kysely'

/**
 * What each article's and page's body shows from elsewhere, as rows: images (`media`), galleries,
 * related-story cards (`article`) and embeds (with their URL and provider), one row per block in
 * body order. "Where is this used" becomes an indexed lookup instead of `LIKE` over rendered HTML.
 *
 * The rows of existing bodies are filled here, from the stored documents, rather than by a
 * backfill in application code: the walk is a few lines (these blocks stand only at the top level
 * of a document), so a frozen copy costs less than a one-off step at start that every entry point
 * (start, `migrate`, tests, a restored backup) would have to remember, and the table is never
 * seen empty by a process that finds the schema current. The application's `documentReferences`
 * derives the same rows on every save from then on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, owner, ownerTable] of OWNERS) {
    await db.schema
      .createTable(table)
      .addColumn(owner, 'integer', (c) =>
        c.notNull().references(`${ownerTable}.id`).onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      // 'media', 'gallery', 'article' or 'embed'.
      .addColumn('kind', 'text', (c) => c.notNull())
      // No foreign key: a body may show an item deleted since (it renders nothing there).
      .addColumn('target_id', 'integer')
      .addColumn('url', 'text')
      .addColumn('provider', 'text')
      .addPrimaryKeyConstraint(`${table}_pk`, [owner, 'position'])
      .execute()
    await db.schema
      .createIndex(`${table}_target_idx`)
      .on(table)
      .columns(['kind', 'target_id', owner])
      .execute()
    await backfill(db, { table, owner, ownerTable })
  }
}

const OWNERS = [
  ['article_references', 'article_id', 'articles'],
  ['page_references', 'page_id', 'pages'],
] as const

/** Bodies read at a time, and rows per insert (six parameters each). */
const BODIES_PER_READ = 500
const ROWS_PER_INSERT = 500

interface ReferenceRow {
  position: number
  kind: string
  target_id: number | null
  url: string | null
  provider: string | null
}

interface StoredBlock {
  type?: unknown
  attrs?: Record<string, unknown>
}

const idOf = (value: unknown) => (typeof value === 'number' ? value : null)
const textOf = (value: unknown) => (typeof value === 'string' ? value : null)

/** A frozen copy of `documentReferences` as it was when this migration was written. */
function referencesOf(doc: unknown): ReferenceRow[] {
  const parsed: unknown = typeof doc === 'string' ? JSON.parse(doc) : doc
  const content = (parsed as { content?: unknown } | null)?.content
  const blocks = (Array.isArray(content) ? content : []) as StoredBlock[]
  const rows: Omit<ReferenceRow, 'position'>[] = []
  for (const block of blocks) {
    const attrs = block.attrs ?? {}
    const plain = { url: null, provider: null }
    if (block.type === 'image')
      rows.push({ kind: 'media', target_id: idOf(attrs['mediaId']), ...plain })
    if (block.type === 'gallery')
      rows.push({ kind: 'gallery', target_id: idOf(attrs['galleryId']), ...plain })
    if (block.type === 'relatedArticle')
      rows.push({ kind: 'article', target_id: idOf(attrs['articleId']), ...plain })
    if (block.type === 'embed')
      rows.push({
        kind: 'embed',
        target_id: null,
        url: textOf(attrs['url']),
        provider: textOf(attrs['provider']),
      })
  }
  return rows.map((row, position) => ({ ...row, position }))
}

/** Fills the table from every stored body, a batch of bodies at a time (keyset on id). */
async function backfill(
  db: Kysely<unknown>,
  input: { table: string; owner: string; ownerTable: string },
): Promise<void> {
  // Snake-case names and one-word aliases read the same with or without the camel-case plugin.
  const data = db.withTables<Record<string, Record<string, unknown>>>()
  let after = 0
  for (;;) {
    const bodies = await data
      .selectFrom(input.ownerTable)
      .select(['id', 'body_doc as doc'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BODIES_PER_READ)
      .execute()
    if (bodies.length === 0) return
    const rows = bodies.flatMap((body) =>
      referencesOf(body['doc']).map((row) => ({ ...row, [input.owner]: Number(body['id']) })),
    )
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
      await data
        .insertInto(input.table)
        .values(rows.slice(start, start + ROWS_PER_INSERT))
        .execute()
    after = Number(bodies.at(-1)?.['id'])
  }
}
