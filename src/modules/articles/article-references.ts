import type { Kysely } from 'kysely'
import type { Database, ReferenceKind } from '../../db/database.js'
import type { ArticleDocument } from './document/article-document.js'
import { documentReferences } from './document/document-references.js'

/** Reference rows per multi-row insert: six parameters each, far under both databases' limits. */
const ROWS_PER_INSERT = 500
/** Bodies read at a time by a rebuild. */
const BODIES_PER_READ = 500

/** An article's body, whose reference rows are to be written. */
export interface ArticleBody {
  articleId: number
  bodyDoc: ArticleDocument
}

/** Writes the reference rows of new bodies in a few multi-row inserts, however many there are. */
export async function insertArticleReferences(
  db: Kysely<Database>,
  bodies: readonly ArticleBody[],
): Promise<void> {
  const rows = bodies.flatMap(({ articleId, bodyDoc }) =>
    documentReferences(bodyDoc).map((reference) => ({ ...reference, articleId })),
  )
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    await db
      .insertInto('articleReferences')
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .execute()
}

/** Replaces the reference rows of articles whose bodies changed (inside the save's transaction). */
export async function replaceArticleReferences(
  db: Kysely<Database>,
  bodies: readonly ArticleBody[],
): Promise<void> {
  if (bodies.length === 0) return
  const ids = bodies.map((body) => body.articleId)
  await db.deleteFrom('articleReferences').where('articleId', 'in', ids).execute()
  await insertArticleReferences(db, bodies)
}

/**
 * Derives every article's reference rows again from its stored body, a batch at a time: after a
 * site archive is imported (the rows are not archived) or to repair them.
 */
export async function rebuildArticleReferences(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('articleReferences').execute()
  let after = 0
  for (;;) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'bodyDoc'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BODIES_PER_READ)
      .execute()
    if (rows.length === 0) return
    await insertArticleReferences(
      db,
      rows.map((row) => ({
        articleId: row.id,
        bodyDoc: JSON.parse(row.bodyDoc) as ArticleDocument,
      })),
    )
    after = rows.at(-1)?.id ?? after
  }
}

/** The articles whose bodies show any of the given items of one kind: once per article and item. */
export async function findArticlesShowing(
  db: Kysely<Database>,
  input: { kind: Exclude<ReferenceKind, 'embed'>; ids: number[] },
): Promise<{ id: number; headline: string; targetId: number }[]> {
  if (input.ids.length === 0) return []
  const rows = await db
    .selectFrom('articleReferences')
    .innerJoin('articles', 'articles.id', 'articleReferences.articleId')
    .select(['articles.id', 'articles.headline', 'articleReferences.targetId'])
    .distinct()
    .where('articleReferences.kind', '=', input.kind)
    .where('articleReferences.targetId', 'in', [...new Set(input.ids)])
    .orderBy('articles.id')
    .execute()
  return rows.flatMap((row) => (row.targetId === null ? [] : [{ ...row, targetId: row.targetId }]))
}
