import type { Kysely, Selectable } from 'kysely'
import type { Database, LiveEntriesTable } from '../../db/database.js'
import type { ArticleDocument } from '../articles/document/article-document.js'
import { renderDocumentHtml } from '../articles/document/render-document.js'
import type { LiveEntry, LiveEntryInput } from './live-entry.js'

function toEntry(row: Selectable<LiveEntriesTable>): LiveEntry {
  return {
    id: row.id,
    articleId: row.articleId,
    authorUserId: row.authorUserId,
    title: row.title,
    bodyDoc: JSON.parse(row.bodyDoc) as ArticleDocument,
    bodyHtml: row.bodyHtml,
    isKeyEvent: row.isKeyEvent === 1,
    isPinned: row.isPinned === 1,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  }
}

const bodyColumns = (bodyDoc: ArticleDocument) => ({
  bodyDoc: JSON.stringify(bodyDoc),
  bodyHtml: renderDocumentHtml(bodyDoc),
})

/** Stores a new entry; returns its id. */
export async function insertLiveEntry(
  db: Kysely<Database>,
  input: LiveEntryInput & {
    articleId: number
    authorUserId: number | null
    bodyDoc: ArticleDocument
  },
  now: Date,
): Promise<number> {
  const { id } = await db
    .insertInto('liveEntries')
    .values({
      articleId: input.articleId,
      authorUserId: input.authorUserId,
      title: input.title ?? null,
      ...bodyColumns(input.bodyDoc),
      isKeyEvent: input.isKeyEvent ? 1 : 0,
      isPinned: input.isPinned ? 1 : 0,
      createdAt: now.toISOString(),
      changedAt: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Applies a change; a new title or body marks the entry edited, a flag alone does not. */
export async function updateLiveEntry(
  db: Kysely<Database>,
  id: number,
  changes: LiveEntryInput,
  now: Date,
): Promise<void> {
  await db
    .updateTable('liveEntries')
    .set({
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.bodyDoc && bodyColumns(changes.bodyDoc)),
      ...(changes.isKeyEvent !== undefined && { isKeyEvent: changes.isKeyEvent ? 1 : 0 }),
      ...(changes.isPinned !== undefined && { isPinned: changes.isPinned ? 1 : 0 }),
      ...((changes.title !== undefined || changes.bodyDoc) && { editedAt: now.toISOString() }),
      changedAt: now.toISOString(),
    })
    .where('id', '=', id)
    .execute()
}

/** Unpins whichever entry of the story is pinned (one at a time); returns its id, if any. */
export async function unpinLiveEntries(
  db: Kysely<Database>,
  articleId: number,
  now: Date,
): Promise<number | undefined> {
  const pinned = await db
    .updateTable('liveEntries')
    .set({ isPinned: 0, changedAt: now.toISOString() })
    .where('articleId', '=', articleId)
    .where('isPinned', '=', 1)
    .where('deletedAt', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return pinned?.id
}

/** Deletes softly: the row stays so a resumed reader stream can learn the entry went. */
export async function markLiveEntryDeleted(
  db: Kysely<Database>,
  id: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable('liveEntries')
    .set({ deletedAt: now.toISOString(), isPinned: 0, changedAt: now.toISOString() })
    .where('id', '=', id)
    .execute()
}

/** The entry unless it is deleted. */
export async function findLiveEntry(
  db: Kysely<Database>,
  id: number,
): Promise<LiveEntry | undefined> {
  const row = await db
    .selectFrom('liveEntries')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
  return row && toEntry(row)
}

/** Which of these entries are deleted, and which story each belongs to (for stream replays). */
export async function findLiveEntryStates(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, { articleId: number; isDeleted: boolean }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('liveEntries')
    .select(['id', 'articleId', 'deletedAt'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(
    rows.map((row) => [row.id, { articleId: row.articleId, isDeleted: row.deletedAt !== null }]),
  )
}

/** Entries of a story newest first: a page of them, or those newer than `afterId`. */
export async function listLiveEntries(
  db: Kysely<Database>,
  articleId: number,
  window: { limit: number; offset?: number; afterId?: number },
): Promise<LiveEntry[]> {
  let query = db
    .selectFrom('liveEntries')
    .selectAll()
    .where('articleId', '=', articleId)
    .where('deletedAt', 'is', null)
  if (window.afterId !== undefined) query = query.where('id', '>', window.afterId)
  const rows = await query
    .orderBy('id', 'desc')
    .limit(window.limit)
    .offset(window.offset ?? 0)
    .execute()
  return rows.map(toEntry)
}

/**
 * What changed in a story at or after `since`: the entries posted or changed (newest first, an
 * entry unpinned by another's pinning included), and the ids of those deleted.
 */
export async function listLiveEntryChanges(
  db: Kysely<Database>,
  articleId: number,
  since: string,
): Promise<{ changed: LiveEntry[]; deletedIds: number[] }> {
  const rows = await db
    .selectFrom('liveEntries')
    .selectAll()
    .where('articleId', '=', articleId)
    .where('changedAt', '>=', since)
    .orderBy('id', 'desc')
    .execute()
  return {
    changed: rows.filter((row) => row.deletedAt === null).map(toEntry),
    deletedIds: rows.filter((row) => row.deletedAt !== null).map((row) => row.id),
  }
}

/** How many entries a story has (deleted ones not counted). */
export async function countLiveEntries(db: Kysely<Database>, articleId: number): Promise<number> {
  const { total } = await db
    .selectFrom('liveEntries')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('articleId', '=', articleId)
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(total)
}

/** The pinned entry and the key events (newest first) of a story. */
export async function listHighlightedLiveEntries(
  db: Kysely<Database>,
  articleId: number,
): Promise<{ pinned: LiveEntry | undefined; keyEvents: LiveEntry[] }> {
  const rows = await db
    .selectFrom('liveEntries')
    .selectAll()
    .where('articleId', '=', articleId)
    .where('deletedAt', 'is', null)
    .where((eb) => eb.or([eb('isPinned', '=', 1), eb('isKeyEvent', '=', 1)]))
    .orderBy('id', 'desc')
    .execute()
  const entries = rows.map(toEntry)
  return {
    pinned: entries.find((entry) => entry.isPinned),
    keyEvents: entries.filter((entry) => entry.isKeyEvent),
  }
}

/** These entries unless deleted, by id (one query for a reader stream's replay). */
export async function findLiveEntriesByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, LiveEntry>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('liveEntries')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .where('deletedAt', 'is', null)
    .execute()
  return new Map(rows.map((row) => [row.id, toEntry(row)]))
}

/**
 * The ids of a story's entries, newest first: their count, and where each falls in the pages of
 * the story (the key events and the pinned entry link to entries on other pages). One column of
 * a story's few hundred rows.
 */
export async function listLiveEntryIds(db: Kysely<Database>, articleId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('liveEntries')
    .select('id')
    .where('articleId', '=', articleId)
    .where('deletedAt', 'is', null)
    .orderBy('id', 'desc')
    .execute()
  return rows.map((row) => row.id)
}
