import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import { actingUserId, type ChangeContext } from '../access/actor.js'
import type { Article } from '../articles/article.js'
import { commitChange, type ChangeStore } from '../audit/commit-change.js'
import type { Change } from '../audit/record-change.js'
import type { ArticleService } from '../editorial/article-service.js'
import { documentPlainText } from '../articles/document/render-document.js'
import type { ArticleDocument } from '../articles/document/article-document.js'
import type { LiveEntry, LiveEntryInput } from './live-entry.js'
import {
  countLiveEntries,
  findLiveEntry,
  insertLiveEntry,
  listLiveEntries,
  listLiveEntryChanges,
  markLiveEntryDeleted,
  unpinLiveEntries,
  updateLiveEntry,
} from './live-entry-queries.js'

/** The newest entries the newsroom's list answers at once. */
const NEWSROOM_PAGE_SIZE = 50
/**
 * How far before its own answer a `changedSince` cursor points. A write takes its time before it
 * commits, and processes' clocks differ a little: changes seen twice are merged by id, while a
 * cursor cut exactly at "now" could skip a write that committed a moment late.
 */
const CHANGES_OVERLAP_MS = 10_000

function hasText(document: ArticleDocument): boolean {
  return (
    documentPlainText(document).trim() !== '' ||
    (document.content ?? []).some((block) => block.type !== 'paragraph')
  )
}

/** An entry's change: audited as `live_entry.{action}`, one event naming the story. */
function entryChange(
  action: 'created' | 'updated' | 'deleted',
  entry: { id: number; articleId: number },
  details: Record<string, unknown> = {},
): Change {
  return {
    action: `live_entry.${action}`,
    entityType: 'live_entry',
    entityId: entry.id,
    details: { articleId: entry.articleId, ...details },
    events: [
      { entity: 'live_entry', action, id: entry.id, previous: { articleId: entry.articleId } },
    ],
  }
}

/**
 * The entries of live stories: post, edit, delete and list. Whoever may edit the story may
 * write its entries (the article service decides that); each write is one transaction with its
 * audit entry and one `live_entry` event, delivered before the call returns.
 */
export function createLiveEntryService(store: ChangeStore & { articles: ArticleService }) {
  const { db, clock, articles } = store

  async function liveStoryToWrite(context: ChangeContext, articleId: number): Promise<Article> {
    const article = await articles.getEditable(context.actor, articleId)
    if (article.type !== 'live') {
      throw new AppError('NOT_A_LIVE_STORY', `Article ${articleId} is not a live story`)
    }
    return article
  }

  /** The entry of this story; NOT_FOUND for a deleted one or one of another story. */
  async function entryOf(
    trx: Kysely<Database>,
    articleId: number,
    entryId: number,
  ): Promise<LiveEntry> {
    const entry = await findLiveEntry(trx, entryId)
    if (!entry || entry.articleId !== articleId) {
      throw new AppError('NOT_FOUND', `Live story ${articleId} has no entry ${entryId}`)
    }
    return entry
  }

  function assertBody(bodyDoc: ArticleDocument | undefined): ArticleDocument {
    if (!bodyDoc || !hasText(bodyDoc)) {
      throw new AppError('VALIDATION_FAILED', 'An entry needs a body', { property: 'body' })
    }
    return bodyDoc
  }

  async function post(
    context: ChangeContext,
    articleId: number,
    input: LiveEntryInput,
  ): Promise<LiveEntry> {
    const article = await liveStoryToWrite(context, articleId)
    if (article.coverageState === 'ended') {
      throw new AppError(
        'COVERAGE_ENDED',
        'The coverage of this story has ended; reopen it to post again',
      )
    }
    const bodyDoc = assertBody(input.bodyDoc)
    const id = await commitChange(store, context, async (trx) => {
      if (input.isPinned) await unpinLiveEntries(trx, articleId, clock.now())
      const id = await insertLiveEntry(
        trx,
        { ...input, articleId, bodyDoc, authorUserId: actingUserId(context.actor) },
        clock.now(),
      )
      return { result: id, change: entryChange('created', { id, articleId }) }
    })
    return entryOf(db, articleId, id)
  }

  async function edit(
    context: ChangeContext,
    articleId: number,
    entryId: number,
    changes: LiveEntryInput,
  ): Promise<LiveEntry> {
    await liveStoryToWrite(context, articleId)
    if (changes.bodyDoc) assertBody(changes.bodyDoc)
    await commitChange(store, context, async (trx) => {
      const entry = await entryOf(trx, articleId, entryId)
      if (changes.isPinned && !entry.isPinned) await unpinLiveEntries(trx, articleId, clock.now())
      await updateLiveEntry(trx, entryId, changes, clock.now())
      const changed = Object.keys(changes).filter(
        (key) => changes[key as keyof LiveEntryInput] !== undefined,
      )
      return {
        result: entryId,
        change: entryChange('updated', entry, { changedFields: changed }),
      }
    })
    return entryOf(db, articleId, entryId)
  }

  async function remove(context: ChangeContext, articleId: number, entryId: number) {
    await liveStoryToWrite(context, articleId)
    await commitChange(store, context, async (trx) => {
      const entry = await entryOf(trx, articleId, entryId)
      await markLiveEntryDeleted(trx, entryId, clock.now())
      // The audit log keeps what was deleted, as the row itself is no longer shown.
      const text = documentPlainText(entry.bodyDoc).replace(/\s+/g, ' ').trim().slice(0, 500)
      return {
        result: undefined,
        change: entryChange('deleted', entry, { title: entry.title, text }),
      }
    })
  }

  async function liveStoryToRead(context: Pick<ChangeContext, 'actor'>, articleId: number) {
    const article = await articles.get(context.actor, articleId)
    if (article.type !== 'live') {
      throw new AppError('NOT_A_LIVE_STORY', `Article ${articleId} is not a live story`)
    }
  }

  /** The cursor that asks, next time, for what changed after an answer read now. */
  const nextChangedSince = () => new Date(clock.now().getTime() - CHANGES_OVERLAP_MS).toISOString()

  /**
   * A page of a story's entries, newest first, for anyone who may see the story, with the
   * cursor for `changes` to keep it up to date.
   */
  async function list(
    context: Pick<ChangeContext, 'actor'>,
    articleId: number,
    page: number,
  ): Promise<{
    items: LiveEntry[]
    total: number
    page: number
    pageSize: number
    nextChangedSince: string
  }> {
    await liveStoryToRead(context, articleId)
    const cursor = nextChangedSince()
    const [items, total] = await Promise.all([
      listLiveEntries(db, articleId, {
        limit: NEWSROOM_PAGE_SIZE,
        offset: (page - 1) * NEWSROOM_PAGE_SIZE,
      }),
      countLiveEntries(db, articleId),
    ])
    return { items, total, page, pageSize: NEWSROOM_PAGE_SIZE, nextChangedSince: cursor }
  }

  /**
   * What changed in a story since a cursor (`nextChangedSince` of an earlier answer): the
   * entries posted or edited, the ids deleted, and the next cursor. The live desk polls it.
   */
  async function changes(
    context: Pick<ChangeContext, 'actor'>,
    articleId: number,
    since: string,
  ): Promise<{ items: LiveEntry[]; deletedIds: number[]; nextChangedSince: string }> {
    await liveStoryToRead(context, articleId)
    const cursor = nextChangedSince()
    const { changed, deletedIds } = await listLiveEntryChanges(db, articleId, since)
    return { items: changed, deletedIds, nextChangedSince: cursor }
  }

  return { post, edit, remove, list, changes }
}

export type LiveEntryService = ReturnType<typeof createLiveEntryService>
