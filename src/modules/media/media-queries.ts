import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, MediaTable } from '../../db/database.js'
import { queryTemplate } from '../../db/query-template.js'
import { jsonValuesText } from '../../db/dialect-sql.js'
import { resolvePageRequest, toPage, type Page, type PageRequest } from '../../db/pagination.js'
import { parseLocalized, type LocalizedText } from '../../platform/localized-text.js'
import { parseVariants, type MediaVariants } from './media-variants.js'

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
  /** The credit of every language without a form of its own. */
  credit: string | null
  /** The credit in the words of some languages (`{ ar: 'تصوير: …' }`); see `creditIn`. */
  creditByLanguage: LocalizedText
  copyright: string | null
  focalX: number
  focalY: number
  dominantColor: string | null
  /** Responsive widths and focal crops; null until the variant job has made them. */
  variants: MediaVariants | null
  createdAt: string
}

export type NewMediaItem = Omit<
  MediaItem,
  | 'id'
  | 'createdAt'
  | 'focalX'
  | 'focalY'
  | 'credit'
  | 'creditByLanguage'
  | 'copyright'
  | 'dominantColor'
  | 'variants'
> &
  Partial<
    Pick<
      MediaItem,
      'focalX' | 'focalY' | 'credit' | 'creditByLanguage' | 'copyright' | 'dominantColor'
    >
  > & {
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
    creditByLanguage: parseLocalized(row.creditByLanguage),
    copyright: row.copyright,
    focalX: row.focalX,
    focalY: row.focalY,
    dominantColor: row.dominantColor,
    variants: parseVariants(row.variants),
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
      creditByLanguage: JSON.stringify(input.creditByLanguage ?? {}),
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

const mediaByIds = queryTemplate((db, p: { ids: number[] }) =>
  db.selectFrom('media').selectAll().where('id', 'in', p.ids),
)

/** Media items by id. */
export async function findMediaByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, MediaItem>> {
  if (ids.length === 0) return new Map()
  const rows = await mediaByIds.execute(db, { ids: [...new Set(ids)] })
  return new Map(rows.map((row) => [row.id, toMediaItem(row)]))
}

/** What the library's search narrows by: words and a file type. */
export interface MediaFilter {
  /** Words, each found in the file name, alt text, caption or credit (any language). */
  text?: string
  mimeType?: string
}

/** A LIKE pattern for a word; wildcard characters are dropped (no portable escape in LIKE). */
const containsPattern = (word: string) => `%${word.toLowerCase().replace(/[\\%_]/g, '')}%`

/** One page of the library, newest first. */
export async function listMedia(
  db: Kysely<Database>,
  filter: MediaFilter,
  pageRequest: PageRequest,
): Promise<Page<MediaItem>> {
  const request = resolvePageRequest(pageRequest)
  let query = db.selectFrom('media')
  if (filter.mimeType) query = query.where('mimeType', '=', filter.mimeType)
  for (const word of (filter.text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = containsPattern(word)
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['originalFilename']), 'like', pattern),
        eb(sql`lower(${jsonValuesText(db, eb.ref('alt'))})`, 'like', pattern),
        eb(sql`lower(${jsonValuesText(db, eb.ref('caption'))})`, 'like', pattern),
        eb(eb.fn('lower', ['credit']), 'like', pattern),
        eb(sql`lower(${jsonValuesText(db, eb.ref('creditByLanguage'))})`, 'like', pattern),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(request.pageSize)
      .offset(request.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
  ])
  return toPage(rows.map(toMediaItem), Number(count.total), request)
}

/** What an editor may change on a media item after upload. */
export interface MediaItemChanges {
  alt?: LocalizedText
  caption?: LocalizedText
  credit?: string | null
  creditByLanguage?: LocalizedText
  copyright?: string | null
  focalX?: number
  focalY?: number
}

/** Applies the changes; answers whether the item exists. */
export async function updateMediaItem(
  db: Kysely<Database>,
  id: number,
  changes: MediaItemChanges,
): Promise<boolean> {
  const values = {
    ...(changes.alt ? { alt: JSON.stringify(changes.alt) } : {}),
    ...(changes.caption ? { caption: JSON.stringify(changes.caption) } : {}),
    ...(changes.credit !== undefined ? { credit: changes.credit } : {}),
    ...(changes.creditByLanguage
      ? { creditByLanguage: JSON.stringify(changes.creditByLanguage) }
      : {}),
    ...(changes.copyright !== undefined ? { copyright: changes.copyright } : {}),
    ...(changes.focalX !== undefined ? { focalX: changes.focalX } : {}),
    ...(changes.focalY !== undefined ? { focalY: changes.focalY } : {}),
  }
  if (Object.keys(values).length === 0) return (await findMediaByIds(db, [id])).has(id)
  const result = await db.updateTable('media').set(values).where('id', '=', id).executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Records the variants the job made. */
export async function setMediaVariants(
  db: Kysely<Database>,
  id: number,
  variants: MediaVariants,
): Promise<void> {
  await db
    .updateTable('media')
    .set({ variants: JSON.stringify(variants) })
    .where('id', '=', id)
    .execute()
}

/** Deletes the row; answers whether there was one. */
export async function deleteMediaItem(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('media').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** How many media items other than `exceptId` keep their original under this storage key. */
export async function countMediaWithStorageKey(
  db: Kysely<Database>,
  storageKey: string,
  exceptId: number,
): Promise<number> {
  const row = await db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('storageKey', '=', storageKey)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
