import type { Kysely, Selectable } from 'kysely'
import type { Database, PagesTable } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import type { ArticleDocument } from '../articles/document/article-document.js'
import { renderDocumentHtml } from '../articles/document/render-document.js'
import { replacePageReferences } from './page-references.js'

/** The longest page title the API takes; importers fit theirs to it too. */
export const PAGE_TITLE_LENGTH = 200

/** A static page of an edition: About, Contact, editorial standards… */
export interface Page {
  id: number
  language: string
  slug: string
  title: string
  bodyDoc: ArticleDocument
  bodyHtml: string
  status: 'draft' | 'published'
  translationGroup: string | null
  isInFooter: boolean
  position: number
  updatedAt: string
  publishedAt: string | null
}

export interface NewPage {
  language: string
  slug: string
  title: string
  bodyDoc: ArticleDocument
  status: 'draft' | 'published'
  translationGroup?: string | null
  isInFooter?: boolean
  position?: number
}

function toPage(row: Selectable<PagesTable>): Page {
  return {
    id: row.id,
    language: row.language,
    slug: row.slug,
    title: row.title,
    bodyDoc: JSON.parse(row.bodyDoc) as ArticleDocument,
    bodyHtml: row.bodyHtml,
    status: row.status,
    translationGroup: row.translationGroup,
    isInFooter: row.isInFooter === 1,
    position: row.position,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
  }
}

/** Stores a new page with its body's HTML and reference rows, all or nothing. */
export async function createPage(db: Kysely<Database>, input: NewPage, now: Date): Promise<number> {
  return withTransaction(db, async (trx) => {
    const id = await insertPage(trx, input, now)
    await replacePageReferences(trx, id, input.bodyDoc)
    return id
  })
}

async function insertPage(db: Kysely<Database>, input: NewPage, now: Date): Promise<number> {
  const timestamp = now.toISOString()
  const { id } = await db
    .insertInto('pages')
    .values({
      language: input.language,
      slug: input.slug,
      title: input.title,
      bodyDoc: JSON.stringify(input.bodyDoc),
      bodyHtml: renderDocumentHtml(input.bodyDoc),
      status: input.status,
      translationGroup: input.translationGroup ?? null,
      isInFooter: input.isInFooter ? 1 : 0,
      position: input.position ?? 0,
      createdAt: timestamp,
      updatedAt: timestamp,
      publishedAt: input.status === 'published' ? timestamp : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** A published page of an edition by slug, or undefined. */
export async function findPublishedPage(
  db: Kysely<Database>,
  language: string,
  slug: string,
): Promise<Page | undefined> {
  const row = await db
    .selectFrom('pages')
    .selectAll()
    .where('language', '=', language)
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return row && toPage(row)
}

/** The published pages an edition links from its footer, in order. */
export async function listFooterPages(db: Kysely<Database>, language: string): Promise<Page[]> {
  const rows = await db
    .selectFrom('pages')
    .selectAll()
    .where('language', '=', language)
    .where('status', '=', 'published')
    .where('isInFooter', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .execute()
  return rows.map(toPage)
}

/** Every page of every edition, for the newsroom, drafts included. */
export async function listAllPages(db: Kysely<Database>): Promise<Page[]> {
  const rows = await db
    .selectFrom('pages')
    .selectAll()
    .orderBy('language')
    .orderBy('position')
    .orderBy('id')
    .execute()
  return rows.map(toPage)
}

/** The id of the page of an edition with this slug, whatever its status, or undefined. */
export async function findPageIdBySlug(
  db: Kysely<Database>,
  language: string,
  slug: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('pages')
    .select('id')
    .where('language', '=', language)
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row?.id
}

/** Sets a page's last-updated and publication times as given (an import keeps its source's). */
export async function setPageTimes(
  db: Kysely<Database>,
  id: number,
  times: { updatedAt: string; publishedAt: string | null },
): Promise<void> {
  const { updatedAt, publishedAt } = times
  await db.updateTable('pages').set({ updatedAt, publishedAt }).where('id', '=', id).execute()
}

export async function findPageById(db: Kysely<Database>, id: number): Promise<Page | undefined> {
  const row = await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toPage(row)
}

/**
 * Saves changes to a page, with its body's reference rows when the body changed; publishing it the
 * first time stamps its publication time.
 */
export async function updatePage(
  db: Kysely<Database>,
  id: number,
  changes: Partial<Omit<NewPage, 'language'>>,
  now: Date,
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const isUpdated = await updatePageRow(trx, id, changes, now)
    if (isUpdated && changes.bodyDoc) await replacePageReferences(trx, id, changes.bodyDoc)
  })
}

async function updatePageRow(
  db: Kysely<Database>,
  id: number,
  changes: Partial<Omit<NewPage, 'language'>>,
  now: Date,
): Promise<boolean> {
  const { bodyDoc, isInFooter, status, ...plain } = changes
  const result = await db
    .updateTable('pages')
    .set((eb) => ({
      ...plain,
      ...(bodyDoc
        ? { bodyDoc: JSON.stringify(bodyDoc), bodyHtml: renderDocumentHtml(bodyDoc) }
        : {}),
      ...(isInFooter !== undefined ? { isInFooter: isInFooter ? 1 : 0 } : {}),
      ...(status
        ? {
            status,
            publishedAt:
              status === 'published'
                ? eb.fn.coalesce('publishedAt', eb.val(now.toISOString()))
                : eb.ref('publishedAt'),
          }
        : {}),
      updatedAt: now.toISOString(),
    }))
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
