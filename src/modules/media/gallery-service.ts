import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import { ID } from '../../http/common-schemas.js'
import type { Clock } from '../../platform/clock.js'
import type { ContentAction } from '../../platform/events.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { assertPermission } from '../access/actor.js'
import { recordChange } from '../audit/record-change.js'
import type { ChangeContext } from '../access/actor.js'
import {
  createGallery,
  deleteGallery,
  findGalleriesByIds,
  findGalleryUsage,
  updateGallery,
  type Gallery,
} from './gallery-queries.js'
import { findMediaByIds } from './media-queries.js'
import { parseInput } from './parse-input.js'

const localizedText = z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().trim().max(1000))

const galleryItemSchema = z
  .object({
    mediaId: ID,
    caption: localizedText.nullable().optional(),
    credit: z.string().trim().max(300).nullable().optional(),
  })
  .strict()

/** A gallery as the newsroom sends it: a title and its images in order. */
export const galleryInputSchema = z
  .object({ title: localizedText, items: z.array(galleryItemSchema).max(200) })
  .strict()

export const galleryChangesSchema = galleryInputSchema.partial()

/**
 * Creating, reordering and deleting galleries of media items. Each change is checked against the
 * actor and stored with its audit entry and its one `gallery` event in one transaction.
 */
export function createGalleryService(deps: {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}) {
  const { db, clock } = deps

  async function get(id: number, from: Kysely<Database> = db): Promise<Gallery> {
    const gallery = (await findGalleriesByIds(from, [id])).get(id)
    if (!gallery) throw new AppError('NOT_FOUND', `No gallery ${id}`)
    return gallery
  }

  async function assertMediaExist(
    trx: Kysely<Database>,
    items: { mediaId: number }[],
  ): Promise<void> {
    const found = await findMediaByIds(
      trx,
      items.map((item) => item.mediaId),
    )
    const missing = items.findIndex((item) => !found.has(item.mediaId))
    if (missing >= 0)
      throw new AppError('VALIDATION_FAILED', `No media item ${items[missing]?.mediaId}`, {
        property: `items.${missing}.mediaId`,
      })
  }

  /** Runs one change in a transaction with its audit entry and event, then delivers the event. */
  async function change<T>(
    context: ChangeContext,
    action: ContentAction,
    write: (trx: Kysely<Database>) => Promise<{ id: number; result: T }>,
  ): Promise<T> {
    const { result } = await withTransaction(db, async (trx) => {
      const written = await write(trx)
      const { id } = written
      await recordChange(
        trx,
        context,
        {
          action: `gallery.${action}`,
          entityType: 'gallery',
          entityId: id,
          events: [{ entity: 'gallery', action, id }],
        },
        clock.now(),
      )
      return written
    })
    await deliverAfterCommit(db, deps.outbox)
    return result
  }

  return {
    get,

    async create(context: ChangeContext, input: unknown): Promise<Gallery> {
      assertPermission(context.actor, 'media.write')
      const gallery = parseInput(galleryInputSchema, input)
      return change(context, 'created', async (trx) => {
        await assertMediaExist(trx, gallery.items)
        const id = await createGallery(trx, gallery, clock.now())
        return { id, result: await get(id, trx) }
      })
    },

    /** Renames and, when `items` is given, replaces the images in the order sent (a reorder). */
    async update(context: ChangeContext, id: number, input: unknown): Promise<Gallery> {
      assertPermission(context.actor, 'media.write')
      const changes = parseInput(galleryChangesSchema, input)
      return change(context, 'updated', async (trx) => {
        if (changes.items) await assertMediaExist(trx, changes.items)
        if (!(await updateGallery(trx, id, changes, clock.now())))
          throw new AppError('NOT_FOUND', `No gallery ${id}`)
        return { id, result: await get(id, trx) }
      })
    },

    /** Deletes a gallery no article shows; else CONFLICT naming the articles. */
    async remove(context: ChangeContext, id: number): Promise<void> {
      assertPermission(context.actor, 'media.delete')
      await change(context, 'deleted', async (trx) => {
        await get(id, trx)
        const articles = await findGalleryUsage(trx, id)
        if (articles.length)
          throw new AppError(
            'CONFLICT',
            `Gallery ${id} is used by: ${articles.map((a) => `article ${a.id} (${a.headline})`).join('; ')}`,
          )
        await deleteGallery(trx, id)
        return { id, result: undefined }
      })
    },
  }
}

export type GalleryService = ReturnType<typeof createGalleryService>
