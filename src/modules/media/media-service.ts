import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/database.js'
import type { Page } from '../../db/pagination.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import type { ContentAction } from '../../platform/events.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import type { MediaStorage } from '../../platform/storage/media-storage.js'
import { assertPermission } from '../access/actor.js'
import { contentChange } from '../audit/commit-change.js'
import { recordChange } from '../audit/record-change.js'
import type { ChangeContext } from '../access/actor.js'
import { mergeCredits } from './media-credit.js'
import { enqueueMediaVariants, type EnqueueJob } from './media-jobs.js'
import {
  countMediaWithStorageKey,
  deleteMediaItem,
  findMediaByIds,
  listMedia,
  updateMediaItem,
  type MediaItem,
} from './media-queries.js'
import { filterVisibleUsages, findMediaUsage, type MediaUsage } from './media-usage.js'
import { parseInput } from './parse-input.js'

const languageCode = z.string().regex(/^[a-z]{2,3}$/)
const localizedText = z.record(languageCode, z.string().trim().max(1000))
const optionalLine = z.string().trim().max(300).nullable()
/** Credits per language; an empty one removes that language's form (the one credit shows again). */
const localizedCredit = z.record(languageCode, z.string().trim().max(300))

/** The file types of the library's filter, as short names. */
export const MEDIA_TYPES = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
} as const

/** The library's list: search words, a file type, a page. */
export const mediaListQuerySchema = z.strictObject({
  q: z.string().max(200).optional(),
  type: z.enum(Object.keys(MEDIA_TYPES) as [keyof typeof MEDIA_TYPES]).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
})

/** What the library's edit form sends; every field is optional. */
export const mediaChangesSchema = z
  .object({
    alt: localizedText,
    caption: localizedText,
    credit: optionalLine,
    creditByLanguage: localizedCredit,
    copyright: optionalLine,
    focalPoint: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }),
  })
  .partial()
  .strict()

export interface MediaServiceDeps {
  db: Kysely<Database>
  storage: MediaStorage
  clock: Clock
  enqueue: EnqueueJob
  outbox: OutboxDelivery
}

function describeUsage(usages: MediaUsage[]): string {
  return usages.map((usage) => `${usage.kind} ${usage.id} (${usage.label})`).join('; ')
}

/**
 * Reading, editing and deleting media items; uploads are the uploader's. Each change is checked
 * against the actor and stored with its audit entry and its one `media` event in one transaction.
 */
export function createMediaService(deps: MediaServiceDeps) {
  const { db, storage, clock } = deps

  async function get(id: number, from: Kysely<Database> = db): Promise<MediaItem> {
    const item = (await findMediaByIds(from, [id])).get(id)
    if (!item) throw new AppError('NOT_FOUND', `No media item ${id}`)
    return item
  }

  /** The audit entry and the event of one change to item `id`, in its transaction. */
  function record(
    trx: Kysely<Database>,
    context: ChangeContext,
    change: { action: ContentAction; id: number },
  ): Promise<void> {
    return recordChange(trx, context, contentChange('media', change.action, change.id), clock.now())
  }

  return {
    get,

    /** One page of the library, newest first, narrowed by words and a file type. */
    async list(input: unknown): Promise<Page<MediaItem>> {
      const query = parseInput(mediaListQuerySchema, input)
      return listMedia(
        db,
        { text: query.q, mimeType: query.type && MEDIA_TYPES[query.type] },
        { page: query.page, pageSize: query.pageSize },
      )
    },

    /**
     * Where the item is used, for the library and for the refusal to delete it. A viewer who sees
     * only their own articles (`ownArticlesOf`) and no pages gets only the places they may open:
     * the headline of someone else's draft is not theirs to read.
     */
    async usage(
      id: number,
      viewer: { ownArticlesOf?: number; canReadPages?: boolean } = {},
    ): Promise<MediaUsage[]> {
      await get(id)
      const usages = (await findMediaUsage(db, [id])).get(id) ?? []
      return filterVisibleUsages(db, usages, viewer)
    },

    /**
     * Changes alt text, caption, credit (and its per-language forms), copyright or focal point; a
     * new focal point recuts the crops.
     */
    async update(context: ChangeContext, id: number, input: unknown): Promise<MediaItem> {
      assertPermission(context.actor, 'media.write')
      const changes = parseInput(mediaChangesSchema, input)
      const { before, after } = await withTransaction(db, async (trx) => {
        const before = await get(id, trx)
        await updateMediaItem(trx, id, {
          alt: changes.alt && { ...before.alt, ...changes.alt },
          caption: changes.caption && { ...before.caption, ...changes.caption },
          credit: changes.credit,
          creditByLanguage:
            changes.creditByLanguage &&
            mergeCredits(before.creditByLanguage, changes.creditByLanguage),
          copyright: changes.copyright,
          focalX: changes.focalPoint?.x,
          focalY: changes.focalPoint?.y,
        })
        await record(trx, context, { action: 'updated', id })
        return { before, after: await get(id, trx) }
      })
      if (after.focalX !== before.focalX || after.focalY !== before.focalY)
        await enqueueMediaVariants(deps.enqueue, id)
      await deliverAfterCommit(db, deps.outbox)
      return after
    },

    /** Deletes an item no article, page, gallery or author uses, with its files; else MEDIA_IN_USE. */
    async remove(context: ChangeContext, id: number): Promise<void> {
      assertPermission(context.actor, 'media.delete')
      const item = await withTransaction(db, async (trx) => {
        const item = await get(id, trx)
        const usages = (await findMediaUsage(trx, [id])).get(id) ?? []
        if (usages.length > 0)
          throw new AppError('MEDIA_IN_USE', `Media ${id} is used by: ${describeUsage(usages)}`)
        await deleteMediaItem(trx, id)
        await record(trx, context, { action: 'deleted', id })
        return item
      })
      await deliverAfterCommit(db, deps.outbox)
      // Two uploads of the same picture share their files; the last one to go removes them.
      if ((await countMediaWithStorageKey(db, item.storageKey, id)) === 0) {
        const keys = [item.storageKey, ...(item.variants?.files ?? []).map((file) => file.key)]
        for (const key of keys) await storage.delete(key)
      }
    },
  }
}

export type MediaService = ReturnType<typeof createMediaService>
