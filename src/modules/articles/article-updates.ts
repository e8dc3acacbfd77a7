import type { Kysely } from 'kysely'
import type { ArticleRowUpdate, Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import type {
  ArticleSeo,
  ArticleStatus,
  ArticleType,
  CoverageState,
  NoticeKind,
} from './article.js'
import type { ArticleDocument } from './document/article-document.js'
import { documentPlainText, renderDocumentHtml } from './document/render-document.js'
import { excerptOf } from './article-queries.js'
import { replaceArticleReferences } from './article-references.js'

/** The ids an article is linked to, in their byline, tag and card order. */
export interface ArticleLinks {
  authorIds: number[]
  tagIds: number[]
  relatedArticleIds: number[]
}

/** What a save may change; an absent key keeps its value. */
export interface ArticleChanges extends Partial<ArticleLinks> {
  language?: string
  translationGroup?: string | null
  sectionId?: number
  status?: ArticleStatus
  type?: ArticleType
  headline?: string
  dek?: string
  slug?: string
  bodyDoc?: ArticleDocument
  excerpt?: string
  heroMediaId?: number | null
  heroGalleryId?: number | null
  sourceId?: number | null
  sourceUrl?: string | null
  isBreaking?: boolean
  breakingUntil?: string | null
  isFeatured?: boolean
  pinnedPosition?: number | null
  seo?: ArticleSeo
  publishedAt?: string | null
  scheduledAt?: string | null
  coverageState?: CoverageState | null
  coverageStartedAt?: string | null
  coverageEndedAt?: string | null
}

/** Words in a document, counting runs of letters or digits in any script. */
export function countWords(document: ArticleDocument): number {
  return documentPlainText(document).match(/[\p{L}\p{N}]+/gu)?.length ?? 0
}

function toRowUpdate(changes: ArticleChanges): ArticleRowUpdate {
  const {
    authorIds: _authors,
    tagIds: _tags,
    relatedArticleIds: _related,
    bodyDoc,
    isBreaking,
    isFeatured,
    seo,
    ...plain
  } = changes
  const update: ArticleRowUpdate = { ...plain }
  if (bodyDoc) {
    update.bodyDoc = JSON.stringify(bodyDoc)
    update.bodyHtml = renderDocumentHtml(bodyDoc)
    if (changes.excerpt === undefined) update.excerpt = excerptOf(bodyDoc)
  }
  if (isBreaking !== undefined) update.isBreaking = isBreaking ? 1 : 0
  if (isFeatured !== undefined) update.isFeatured = isFeatured ? 1 : 0
  if (seo !== undefined) update.seo = JSON.stringify(seo)
  return update
}

async function replaceLinks(
  trx: Kysely<Database>,
  articleId: number,
  links: Partial<ArticleLinks>,
): Promise<void> {
  const positioned = (ids: number[]) =>
    [...new Set(ids)].map((value, position) => ({ value, position }))
  if (links.authorIds) {
    await trx.deleteFrom('articleAuthors').where('articleId', '=', articleId).execute()
    const rows = positioned(links.authorIds)
    if (rows.length) {
      await trx
        .insertInto('articleAuthors')
        .values(rows.map(({ value, position }) => ({ articleId, authorId: value, position })))
        .execute()
    }
  }
  if (links.tagIds) {
    await trx.deleteFrom('articleTags').where('articleId', '=', articleId).execute()
    const rows = positioned(links.tagIds)
    if (rows.length) {
      await trx
        .insertInto('articleTags')
        .values(rows.map(({ value, position }) => ({ articleId, tagId: value, position })))
        .execute()
    }
  }
  if (links.relatedArticleIds) {
    await trx.deleteFrom('articleRelations').where('articleId', '=', articleId).execute()
    const rows = positioned(links.relatedArticleIds).filter(({ value }) => value !== articleId)
    if (rows.length) {
      await trx
        .insertInto('articleRelations')
        .values(
          rows.map(({ value, position }) => ({ articleId, relatedArticleId: value, position })),
        )
        .execute()
    }
  }
}

/**
 * Applies a save: the columns, the links that were given, the derived HTML, excerpt and reference
 * rows, and the next version number. `expectedVersion` makes the update conditional (false when it
 * moved on).
 */
export async function updateArticle(
  db: Kysely<Database>,
  input: { id: number; changes: ArticleChanges; updatedBy: number | null; expectedVersion: number },
  now: Date,
): Promise<boolean> {
  return withTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('articles')
      .set({
        ...toRowUpdate(input.changes),
        updatedAt: now.toISOString(),
        updatedBy: input.updatedBy,
        version: input.expectedVersion + 1,
      })
      .where('id', '=', input.id)
      .where('version', '=', input.expectedVersion)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return false
    await replaceLinks(trx, input.id, input.changes)
    const { bodyDoc } = input.changes
    if (bodyDoc) await replaceArticleReferences(trx, [{ articleId: input.id, bodyDoc }])
    return true
  })
}

/** Bylines, tags and related stories of articles, by article id. */
export async function findArticleLinks(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, ArticleLinks>> {
  const links = new Map<number, ArticleLinks>(
    ids.map((id) => [id, { authorIds: [], tagIds: [], relatedArticleIds: [] }]),
  )
  if (ids.length === 0) return links
  const [authors, tags, related] = await Promise.all([
    db
      .selectFrom('articleAuthors')
      .select(['articleId', 'authorId'])
      .where('articleId', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('articleTags')
      .select(['articleId', 'tagId'])
      .where('articleId', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('articleRelations')
      .select(['articleId', 'relatedArticleId'])
      .where('articleId', 'in', ids)
      .orderBy('position')
      .execute(),
  ])
  for (const row of authors) links.get(row.articleId)?.authorIds.push(row.authorId)
  for (const row of tags) links.get(row.articleId)?.tagIds.push(row.tagId)
  for (const row of related) links.get(row.articleId)?.relatedArticleIds.push(row.relatedArticleId)
  return links
}

/** Adds a public notice to an article, tied to the revision that published it. */
export async function addArticleNotice(
  db: Kysely<Database>,
  input: { articleId: number; kind: NoticeKind; text: string; revisionId: number | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('articleNotices')
    .values({ ...input, createdAt: now.toISOString() })
    .execute()
}

export async function deleteArticle(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('articles').where('id', '=', id).execute()
}

/** Ids per query when reading versions: well under both databases' parameter limits. */
const VERSIONS_PER_QUERY = 500

/** The current version of each of these articles, by id (ids that do not exist are absent). */
export async function findArticleVersions(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, number>> {
  const versions = new Map<number, number>()
  const unique = [...new Set(ids)]
  for (let index = 0; index < unique.length; index += VERSIONS_PER_QUERY) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'version'])
      .where('id', 'in', unique.slice(index, index + VERSIONS_PER_QUERY))
      .execute()
    for (const row of rows) versions.set(row.id, row.version)
  }
  return versions
}

/** Sets an article's last-updated time as given (an import keeps the time of its source). */
export async function setArticleUpdatedAt(
  db: Kysely<Database>,
  id: number,
  updatedAt: string,
): Promise<void> {
  await db.updateTable('articles').set({ updatedAt }).where('id', '=', id).execute()
}
