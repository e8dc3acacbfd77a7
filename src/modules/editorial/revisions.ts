import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { Article } from '../articles/article.js'
import type { ArticleLinks } from '../articles/article-updates.js'

/** Everything a revision keeps of an article: enough to show, compare and restore it. */
export type ArticleSnapshot = Pick<
  Article,
  | 'language'
  | 'sectionId'
  | 'type'
  | 'headline'
  | 'dek'
  | 'slug'
  | 'bodyDoc'
  | 'excerpt'
  | 'heroMediaId'
  | 'heroGalleryId'
  | 'sourceId'
  | 'sourceUrl'
  | 'isBreaking'
  | 'breakingUntil'
  | 'isFeatured'
  | 'pinnedPosition'
  | 'seo'
  | 'status'
  | 'scheduledAt'
  | 'publishedAt'
  | 'coverageState'
> &
  ArticleLinks

export type RevisionKind = 'save' | 'autosave' | 'restore'

export interface RevisionSummary {
  id: number
  number: number
  kind: RevisionKind
  userId: number | null
  /** Who saved it, for the history list; null for the system and for removed accounts. */
  userName?: string | null
  changedFields: string[]
  createdAt: string
}

export interface Revision extends RevisionSummary {
  snapshot: ArticleSnapshot
}

/** The snapshot of an article as stored now. */
export function snapshotOf(article: Article, links: ArticleLinks): ArticleSnapshot {
  return {
    language: article.language,
    sectionId: article.sectionId,
    type: article.type,
    headline: article.headline,
    dek: article.dek,
    slug: article.slug,
    bodyDoc: article.bodyDoc,
    excerpt: article.excerpt,
    heroMediaId: article.heroMediaId,
    heroGalleryId: article.heroGalleryId,
    sourceId: article.sourceId,
    sourceUrl: article.sourceUrl,
    isBreaking: article.isBreaking,
    breakingUntil: article.breakingUntil,
    isFeatured: article.isFeatured,
    pinnedPosition: article.pinnedPosition,
    seo: article.seo,
    status: article.status,
    scheduledAt: article.scheduledAt,
    publishedAt: article.publishedAt,
    coverageState: article.coverageState,
    authorIds: links.authorIds,
    tagIds: links.tagIds,
    relatedArticleIds: links.relatedArticleIds,
  }
}

/** The fields whose values differ between two snapshots, in a stable order. */
export function changedFields(
  before: Partial<ArticleSnapshot> | undefined,
  after: Partial<ArticleSnapshot>,
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)])
  return [...keys]
    .filter(
      (key) =>
        JSON.stringify(before?.[key as keyof ArticleSnapshot]) !==
        JSON.stringify(after[key as keyof ArticleSnapshot]),
    )
    .sort()
}

/** Field by field, the values of two revisions where they differ. */
export function compareSnapshots(
  before: ArticleSnapshot,
  after: ArticleSnapshot,
): { field: string; before: unknown; after: unknown }[] {
  return changedFields(before, after).map((field) => ({
    field,
    before: before[field as keyof ArticleSnapshot],
    after: after[field as keyof ArticleSnapshot],
  }))
}

/** Stores the next revision of an article; returns its id and number. */
export async function recordRevision(
  db: Kysely<Database>,
  input: {
    articleId: number
    kind: RevisionKind
    userId: number | null
    snapshot: ArticleSnapshot
    changedFields: string[]
  },
  now: Date,
): Promise<{ id: number; number: number }> {
  const last = await db
    .selectFrom('articleRevisions')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('articleId', '=', input.articleId)
    .executeTakeFirst()
  const number = Number(last?.number ?? 0) + 1
  const { id } = await db
    .insertInto('articleRevisions')
    .values({
      articleId: input.articleId,
      number,
      kind: input.kind,
      userId: input.userId,
      snapshot: JSON.stringify(input.snapshot),
      changedFields: JSON.stringify(input.changedFields),
      createdAt: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, number }
}

export async function listRevisions(
  db: Kysely<Database>,
  articleId: number,
): Promise<RevisionSummary[]> {
  const rows = await db
    .selectFrom('articleRevisions')
    .leftJoin('users', 'users.id', 'articleRevisions.userId')
    .select([
      'articleRevisions.id',
      'articleRevisions.number',
      'articleRevisions.kind',
      'articleRevisions.userId',
      'articleRevisions.changedFields',
      'articleRevisions.createdAt',
      'users.name as userName',
    ])
    .where('articleRevisions.articleId', '=', articleId)
    .orderBy('articleRevisions.number', 'desc')
    .execute()
  return rows.map((row) => ({ ...row, changedFields: JSON.parse(row.changedFields) as string[] }))
}

export async function findRevision(
  db: Kysely<Database>,
  articleId: number,
  number: number,
): Promise<Revision | undefined> {
  const row = await db
    .selectFrom('articleRevisions')
    .selectAll()
    .where('articleId', '=', articleId)
    .where('number', '=', number)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    userId: row.userId,
    createdAt: row.createdAt,
    changedFields: JSON.parse(row.changedFields) as string[],
    snapshot: JSON.parse(row.snapshot) as ArticleSnapshot,
  }
}

/** The newest revision of any kind: an autosave newer than the last save is offered back. */
export async function findLatestRevision(
  db: Kysely<Database>,
  articleId: number,
): Promise<Revision | undefined> {
  const row = await db
    .selectFrom('articleRevisions')
    .select('number')
    .where('articleId', '=', articleId)
    .orderBy('number', 'desc')
    .executeTakeFirst()
  return row ? findRevision(db, articleId, row.number) : undefined
}
