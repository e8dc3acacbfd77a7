import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
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
    mediaId: z.number().int().positive(),
    caption: localizedText.nullable().optional(),
    credit: z.string().trim().max(300).nullable().optional(),
  })
  .strict()

/** A gallery as the newsroom sends it: a title and its images in order. */
export const galleryInputSchema = z
  .object({ title: localizedText, items: z.array(galleryItemSchema).max(200) })
  .strict()

export const galleryChangesSchema = galleryInputSchema.partial()

/** Creating, reordering and deleting galleries of media items. */
export function createGalleryService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps

  async function get(id: number): Promise<Gallery> {
    const gallery = (await findGalleriesByIds(db, [id])).get(id)
    if (!gallery) throw new AppError('NOT_FOUND', `No gallery ${id}`)
    return gallery
  }

  async function assertMediaExist(items: { mediaId: number }[]): Promise<void> {
    const found = await findMediaByIds(
      db,
      items.map((item) => item.mediaId),
    )
    const missing = items.findIndex((item) => !found.has(item.mediaId))
    if (missing >= 0)
      throw new AppError('VALIDATION_FAILED', `No media item ${items[missing]?.mediaId}`, {
        property: `items.${missing}.mediaId`,
      })
  }

  return {
    get,

    async create(input: unknown): Promise<Gallery> {
      const gallery = parseInput(galleryInputSchema, input)
      await assertMediaExist(gallery.items)
      return get(await createGallery(db, gallery, clock.now()))
    },

    /** Renames and, when `items` is given, replaces the images in the order sent (a reorder). */
    async update(id: number, input: unknown): Promise<Gallery> {
      const changes = parseInput(galleryChangesSchema, input)
      if (changes.items) await assertMediaExist(changes.items)
      if (!(await updateGallery(db, id, changes, clock.now())))
        throw new AppError('NOT_FOUND', `No gallery ${id}`)
      return get(id)
    },

    /** Deletes a gallery no article shows; else CONFLICT naming the articles. */
    async remove(id: number): Promise<void> {
      await get(id)
      const articles = await findGalleryUsage(db, id)
      if (articles.length)
        throw new AppError(
          'CONFLICT',
          `Gallery ${id} is used by: ${articles.map((a) => `article ${a.id} (${a.headline})`).join('; ')}`,
        )
      await deleteGallery(db, id)
    },
  }
}

export type GalleryService = ReturnType<typeof createGalleryService>
