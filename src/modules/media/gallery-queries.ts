import type { Kysely } from 'kysely'
import { withTransaction } from '../../db/transaction.js'
import type { Database } from '../../db/database.js'
import { parseLocalized, type LocalizedText } from '../../platform/localized-text.js'

/** An ordered set of images, each with the caption and credit it has in this gallery. */
export interface Gallery {
  id: number
  title: LocalizedText
  items: GalleryItem[]
}

export interface GalleryItem {
  mediaId: number
  position: number
  /** This gallery's caption, else the media item's own. */
  caption: LocalizedText | null
  credit: string | null
}

export interface NewGallery {
  title: LocalizedText
  items: { mediaId: number; caption?: LocalizedText | null; credit?: string | null }[]
}

export async function createGallery(
  db: Kysely<Database>,
  input: NewGallery,
  now: Date,
): Promise<number> {
  return withTransaction(db, async (trx) => {
    const timestamp = now.toISOString()
    const { id } = await trx
      .insertInto('galleries')
      .values({ title: JSON.stringify(input.title), createdAt: timestamp, updatedAt: timestamp })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (input.items.length) {
      await trx
        .insertInto('galleryItems')
        .values(
          input.items.map((item, position) => ({
            galleryId: id,
            mediaId: item.mediaId,
            position,
            caption: item.caption ? JSON.stringify(item.caption) : null,
            credit: item.credit ?? null,
          })),
        )
        .execute()
    }
    return id
  })
}

/** Galleries by id, with their items in order. */
export async function findGalleriesByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, Gallery>> {
  if (ids.length === 0) return new Map()
  const unique = [...new Set(ids)]
  const [galleries, items] = await Promise.all([
    db.selectFrom('galleries').selectAll().where('id', 'in', unique).execute(),
    db
      .selectFrom('galleryItems')
      .selectAll()
      .where('galleryId', 'in', unique)
      .orderBy('position')
      .execute(),
  ])
  const byId = new Map<number, Gallery>(
    galleries.map((row) => [row.id, { id: row.id, title: parseLocalized(row.title), items: [] }]),
  )
  for (const item of items) {
    byId.get(item.galleryId)?.items.push({
      mediaId: item.mediaId,
      position: item.position,
      caption: item.caption === null ? null : parseLocalized(item.caption),
      credit: item.credit,
    })
  }
  return byId
}
