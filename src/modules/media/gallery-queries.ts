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

/** Sets a gallery's title and, when given, replaces its items in the given order. */
export async function updateGallery(
  db: Kysely<Database>,
  id: number,
  changes: Partial<NewGallery>,
  now: Date,
): Promise<boolean> {
  return withTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('galleries')
      .set({
        updatedAt: now.toISOString(),
        ...(changes.title ? { title: JSON.stringify(changes.title) } : {}),
      })
      .where('id', '=', id)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) return false
    if (changes.items) {
      await trx.deleteFrom('galleryItems').where('galleryId', '=', id).execute()
      if (changes.items.length)
        await trx
          .insertInto('galleryItems')
          .values(
            changes.items.map((item, position) => ({
              galleryId: id,
              mediaId: item.mediaId,
              position,
              caption: item.caption ? JSON.stringify(item.caption) : null,
              credit: item.credit ?? null,
            })),
          )
          .execute()
    }
    return true
  })
}

/** Deletes a gallery and its items (the media items stay); answers whether there was one. */
export async function deleteGallery(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('galleries').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Ids and headlines of the articles that show a gallery, as hero or in their body (its rows). */
export async function findGalleryUsage(
  db: Kysely<Database>,
  id: number,
): Promise<{ id: number; headline: string }[]> {
  return db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where((eb) =>
      eb.or([
        eb('heroGalleryId', '=', id),
        eb(
          'id',
          'in',
          eb
            .selectFrom('articleReferences')
            .select('articleId')
            .where('kind', '=', 'gallery')
            .where('targetId', '=', id),
        ),
      ]),
    )
    .orderBy('id')
    .execute()
}
