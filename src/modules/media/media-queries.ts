import type { Kysely, Selectable } from 'kysely'
import type { Database, MediaTable } from '../../db/database.js'
import { parseLocalized, type LocalizedText } from '../../platform/localized-text.js'

/** An uploaded image and what the newsroom knows about it. */
export interface MediaItem {
  id: number
  storageKey: string
  originalFilename: string
  mimeType: string
  sizeBytes: number
  width: number
  height: number
  alt: LocalizedText
  caption: LocalizedText
  credit: string | null
  copyright: string | null
  focalX: number
  focalY: number
  dominantColor: string | null
  createdAt: string
}

export type NewMediaItem = Omit<
  MediaItem,
  'id' | 'createdAt' | 'focalX' | 'focalY' | 'credit' | 'copyright' | 'dominantColor'
> &
  Partial<Pick<MediaItem, 'focalX' | 'focalY' | 'credit' | 'copyright' | 'dominantColor'>> & {
    uploadedBy?: number | null
  }

function toMediaItem(row: Selectable<MediaTable>): MediaItem {
  return {
    id: row.id,
    storageKey: row.storageKey,
    originalFilename: row.originalFilename,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    alt: parseLocalized(row.alt),
    caption: parseLocalized(row.caption),
    credit: row.credit,
    copyright: row.copyright,
    focalX: row.focalX,
    focalY: row.focalY,
    dominantColor: row.dominantColor,
    createdAt: row.createdAt,
  }
}

export async function createMediaItem(
  db: Kysely<Database>,
  input: NewMediaItem,
  now: Date,
): Promise<number> {
  const { id } = await db
    .insertInto('media')
    .values({
      storageKey: input.storageKey,
      originalFilename: input.originalFilename,
      mimeType: input.mimeType,
      sizeBytes: input.sizeBytes,
      width: input.width,
      height: input.height,
      alt: JSON.stringify(input.alt),
      caption: JSON.stringify(input.caption),
      credit: input.credit ?? null,
      copyright: input.copyright ?? null,
      focalX: input.focalX ?? 0.5,
      focalY: input.focalY ?? 0.5,
      dominantColor: input.dominantColor ?? null,
      uploadedBy: input.uploadedBy ?? null,
      createdAt: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Media items by id. */
export async function findMediaByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, MediaItem>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('media')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((row) => [row.id, toMediaItem(row)]))
}
