import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { recordEvents } from '../../platform/outbox/record-events.js'
import type { MediaStorage } from '../../platform/storage/media-storage.js'
import { makeCropVariants, makeWidthVariants, prepareVariantSource } from './make-variants.js'
import { MEDIA_VARIANTS_JOB, type JobHandler } from './media-jobs.js'
import {
  countMediaWithStorageKey,
  findMediaByIds,
  setMediaVariants,
  type MediaItem,
} from './media-queries.js'
import type { VariantFile } from './media-variants.js'

export interface MediaVariantJobDeps {
  db: Kysely<Database>
  storage: MediaStorage
  /** Jobs run at once in one process; each holds one decoded picture. Default 2. */
  concurrency?: number
  maxPixels: number
  outbox?: OutboxDelivery
  now?: () => Date
}

/** How often the job starts again when the focal point moved while it was cutting crops. */
const MAX_ROUNDS = 3

function mediaIdOf(payload: unknown): number {
  const id = (payload as { mediaId?: unknown } | null)?.mediaId
  if (typeof id !== 'number' || !Number.isSafeInteger(id))
    throw new Error('payload needs a mediaId')
  return id
}

const isAnimated = (media: MediaItem) => media.mimeType === 'image/gif'

/** Deletes files no longer listed, unless another media item shares the same original. */
async function removeFiles(
  deps: MediaVariantJobDeps,
  media: MediaItem,
  files: Pick<VariantFile, 'key'>[],
): Promise<void> {
  if (files.length === 0) return
  if ((await countMediaWithStorageKey(deps.db, media.storageKey, media.id)) > 0) return
  for (const file of files) await deps.storage.delete(file.key)
}

/**
 * The background job that makes a media item's widths (AVIF, WebP, JPEG) and focal crops. Widths
 * already made are kept when only the focal point changed. GIFs keep their animation: they get no
 * variants, and the original is served.
 */
export function createMediaVariantJob(deps: MediaVariantJobDeps): JobHandler {
  const { db } = deps

  async function makeVariants(
    id: number,
    first: MediaItem | undefined,
    stored: VariantFile[],
    storage: MediaStorage,
    onSaved: () => void,
  ): Promise<void> {
    let media = first
    let widths = stored.filter((file) => file.shape === 'full')
    const discarded: VariantFile[] = []
    for (let round = 0; media && round < MAX_ROUNDS; round++) {
      let files: VariantFile[] = []
      if (!isAnimated(media)) {
        const bytes = await storage.get(media.storageKey)
        if (!bytes) throw new Error(`media ${id}: original ${media.storageKey} is missing`)
        const source = await prepareVariantSource(bytes, media, deps.maxPixels)
        if (widths.length === 0) widths = await makeWidthVariants(source, storage)
        files = [...widths, ...(await makeCropVariants(source, storage))]
      }
      const current = (await findMediaByIds(db, [id])).get(id)
      if (!current) {
        await removeFiles(deps, media, [...files, ...discarded])
        return
      }
      if (current.focalX !== media.focalX || current.focalY !== media.focalY) {
        // The editor moved the focal point meanwhile: cut the crops again, keep the widths.
        discarded.push(...files.filter((file) => file.shape !== 'full'))
        media = current
        continue
      }
      const focal = { focalX: media.focalX, focalY: media.focalY }
      await withTransaction(db, async (trx) => {
        await setMediaVariants(trx, id, { ...focal, files })
        const occurredAt = (deps.now?.() ?? new Date()).toISOString()
        await recordEvents(trx, [{ entity: 'media', action: 'updated', id, occurredAt }])
      })
      onSaved()
      const kept = new Set(files.map((file) => file.key))
      const obsolete = [...stored, ...discarded].filter((file) => !kept.has(file.key))
      await removeFiles(deps, media, obsolete)
      if (deps.outbox) await deliverAfterCommit(db, deps.outbox)
      return
    }
  }

  return {
    kind: MEDIA_VARIANTS_JOB,
    concurrency: deps.concurrency ?? 2,
    async handle(payload) {
      const id = mediaIdOf(payload)
      const media = (await findMediaByIds(db, [id])).get(id)
      const stored = media?.variants?.files ?? []
      // The files this run writes: when it fails before the item lists them (a full disk half
      // way through), they are removed again, so no variant is left behind without its row.
      let written: string[] = []
      // Variants are written side by side: the others may still be landing when one fails.
      const landing: Promise<unknown>[] = []
      const recording: MediaStorage = {
        ...deps.storage,
        put: (bytes, extension) => {
          const put = deps.storage.put(bytes, extension)
          landing.push(put.then((key) => written.push(key)).catch(() => undefined))
          return put
        },
      }
      try {
        await makeVariants(id, media, stored, recording, () => (written = []))
      } catch (error) {
        await Promise.all(landing)
        const listed = new Set(stored.map((file) => file.key))
        const orphans = written.filter((key) => !listed.has(key)).map((key) => ({ key }))
        if (media) await removeFiles(deps, media, orphans).catch(() => undefined)
        throw error
      }
    },
  }
}
