import type { Kysely } from 'kysely'
import type { Database, ReferenceKind } from '../../db/database.js'
import type { ArticleDocument } from '../articles/document/article-document.js'
import { documentReferences } from '../articles/document/document-references.js'

/** Reference rows per multi-row insert: six parameters each, far under both databases' limits. */
const ROWS_PER_INSERT = 500
/** Bodies read at a time by a rebuild. */
const BODIES_PER_READ = 500

async function insertPageReferences(
  db: Kysely<Database>,
  pages: readonly { id: number; bodyDoc: ArticleDocument }[],
): Promise<void> {
  const rows = pages.flatMap((page) =>
    documentReferences(page.bodyDoc).map((reference) => ({ ...reference, pageId: page.id })),
  )
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    await db
      .insertInto('pageReferences')
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .execute()
}

/** Writes a page body's reference rows in place of those it had (inside the save's transaction). */
export async function replacePageReferences(
  db: Kysely<Database>,
  pageId: number,
  bodyDoc: ArticleDocument,
): Promise<void> {
  await db.deleteFrom('pageReferences').where('pageId', '=', pageId).execute()
  await insertPageReferences(db, [{ id: pageId, bodyDoc }])
}

/** Derives every page's reference rows again from its stored body (after a site import). */
export async function rebuildPageReferences(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('pageReferences').execute()
  let after = 0
  for (;;) {
    const pages = await db
      .selectFrom('pages')
      .select(['id', 'bodyDoc'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BODIES_PER_READ)
      .execute()
    if (pages.length === 0) return
    await insertPageReferences(
      db,
      pages.map((page) => ({ id: page.id, bodyDoc: JSON.parse(page.bodyDoc) as ArticleDocument })),
    )
    after = pages.at(-1)?.id ?? after
  }
}

/** The pages whose bodies show any of the given items of one kind: once per page and item. */
export async function findPagesShowing(
  db: Kysely<Database>,
  input: { kind: Exclude<ReferenceKind, 'embed'>; ids: number[] },
): Promise<{ id: number; title: string; targetId: number }[]> {
  if (input.ids.length === 0) return []
  const rows = await db
    .selectFrom('pageReferences')
    .innerJoin('pages', 'pages.id', 'pageReferences.pageId')
    .select(['pages.id', 'pages.title', 'pageReferences.targetId'])
    .distinct()
    .where('pageReferences.kind', '=', input.kind)
    .where('pageReferences.targetId', 'in', [...new Set(input.ids)])
    .orderBy('pages.id')
    .execute()
  return rows.flatMap((row) => (row.targetId === null ? [] : [{ ...row, targetId: row.targetId }]))
}
