import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Kysely } from 'kysely'
import type { Metadata } from 'sharp'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { loadSharp } from '../../platform/load-sharp.js'
import type { LocalizedText } from '../../platform/localized-text.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import type { MediaStorage } from '../../platform/storage/media-storage.js'
import { actingUserId, assertPermission } from '../access/actor.js'
import { recordChange } from '../audit/record-change.js'
import type { ChangeContext } from '../access/actor.js'
import { readEmbeddedCredits } from './embedded-credits.js'
import { detectImageType, IMAGE_TYPE_HEAD_BYTES, type ImageType } from './image-type.js'
import { enqueueMediaVariants, type EnqueueJob } from './media-jobs.js'
import { asStorageFailure } from './storage-failure.js'
import {
  countMediaWithStorageKey,
  createMediaItem,
  findMediaByIds,
  type MediaItem,
} from './media-queries.js'

export interface MediaUploadLimits {
  maxBytes: number
  maxPixels: number
}

export interface MediaUploaderDeps {
  db: Kysely<Database>
  storage: MediaStorage
  clock: Clock
  /** Temporary files are written under `<dataDir>/tmp/uploads`, on the same disk as the media. */
  dataDir: string
  limits: MediaUploadLimits
  enqueue: EnqueueJob
  /** Uploads decoded at once; the others wait on disk, so memory stays bounded. Default 2. */
  concurrency?: number
  /**
   * Delivers an upload's event once it has committed. Absent where this process reads no outbox
   * (the CLI's importers): the server's readers find the event on their timer.
   */
  outbox?: OutboxDelivery
}

export interface MediaUpload {
  stream: Readable
  /** The name the client gave the file; kept for the library, never trusted for the type. */
  filename: string
  /** Alt text to start with (an importer's); none when left out. */
  alt?: LocalizedText
  /** A caption to use instead of the one embedded in the file (an importer's). */
  caption?: LocalizedText
}

/** A cleaned picture in its temporary file, with what was read from it, before it is stored. */
interface CleanPicture {
  type: ImageType
  width: number
  height: number
  size: number
  credits: ReturnType<typeof readEmbeddedCredits>
  dominantColor: string
}

function temporaryPath(folder: string, suffix: string): string {
  return join(folder, `${Date.now()}-${randomBytes(8).toString('hex')}${suffix}`)
}

/** Copies the stream to a file, refusing it as soon as it passes `maxBytes`. */
async function receive(stream: Readable, path: string, maxBytes: number): Promise<void> {
  let received = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length
      if (received > maxBytes)
        done(
          new AppError('MEDIA_TOO_LARGE', `The file is larger than ${maxBytes} bytes`, {
            property: 'file',
          }),
        )
      else done(null, chunk)
    },
  })
  await pipeline(stream, counter, createWriteStream(path))
  if (received === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty', { property: 'file' })
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path)
  try {
    const head = Buffer.alloc(IMAGE_TYPE_HEAD_BYTES)
    const { bytesRead } = await file.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

const corrupt = (cause?: unknown) =>
  new AppError('MEDIA_CORRUPT', 'The image is damaged or truncated', { property: 'file', cause })

async function readMetadata(path: string, type: ImageType, maxPixels: number): Promise<Metadata> {
  const sharp = await loadSharp()
  // Headers only: the pixel count is checked here, before anything is decoded.
  const metadata = await sharp(path, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => Promise.reject(corrupt(error)))
  if (metadata.format !== type.sharpFormat || !metadata.width || !metadata.height) throw corrupt()
  const pixels = metadata.width * (metadata.pageHeight ?? metadata.height) * (metadata.pages ?? 1)
  if (pixels > maxPixels)
    throw new AppError(
      'MEDIA_TOO_MANY_PIXELS',
      `The image has ${pixels} pixels; at most ${maxPixels} are accepted`,
      { property: 'file' },
    )
  return metadata
}

/** Re-encodes in the same format: orientation applied, then every metadata block left out. */
async function writeCleanCopy(
  source: string,
  target: string,
  type: ImageType,
  metadata: Metadata,
  maxPixels: number,
): Promise<{ width: number; height: number; size: number }> {
  const sharp = await loadSharp()
  const isAnimated = (metadata.pages ?? 1) > 1
  const image = sharp(source, {
    limitInputPixels: maxPixels,
    failOn: 'truncated',
    animated: isAnimated,
  })
  if (!isAnimated) image.rotate()
  const encoded =
    type.sharpFormat === 'jpeg'
      ? image.jpeg({ quality: 90 })
      : type.sharpFormat === 'png'
        ? image.png()
        : type.sharpFormat === 'webp'
          ? image.webp({ quality: 90 })
          : type.sharpFormat === 'gif'
            ? image.gif()
            : image.avif({ quality: 70, effort: 2 })
  const info = await encoded
    .toFile(target)
    .catch((error: unknown) => Promise.reject(corrupt(error)))
  return {
    width: info.width,
    height: isAnimated ? (metadata.pageHeight ?? info.height) : info.height,
    size: info.size,
  }
}

async function dominantColorOf(path: string): Promise<string> {
  const sharp = await loadSharp()
  const { dominant } = await sharp(path).resize(64, 64, { fit: 'inside' }).stats()
  const hex = (value: number) => value.toString(16).padStart(2, '0')
  return `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`
}

function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '')
  return clean.slice(0, 255) || 'image'
}

/** At most `limit` calls of `run` at a time; the others wait their turn in order. */
function createLimiter(limit: number) {
  let active = 0
  const queue: (() => void)[] = []
  return async <T>(run: () => Promise<T>): Promise<T> => {
    // A finishing call hands its slot straight to the next in line, so none can jump the queue.
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve))
    else active += 1
    try {
      return await run()
    } finally {
      const next = queue.shift()
      if (next) next()
      else active -= 1
    }
  }
}

/**
 * Takes uploads into the media library: the stream goes to a temporary file, the real type is read
 * from its content, corrupt images and decompression bombs are refused, orientation is applied and
 * metadata stripped, credits are read from IPTC/XMP, then the clean file is stored, its row, audit
 * entry and event are written in one transaction, and its variants are queued. A refused upload
 * leaves no file, row, audit entry or event behind.
 */
export function createMediaUploader(deps: MediaUploaderDeps) {
  const { db, storage, clock, limits } = deps
  const folder = join(deps.dataDir, 'tmp', 'uploads')
  const limit = createLimiter(deps.concurrency ?? 2)

  /** Reads, checks and cleans the received file into `cleaned`; the decoding part of an upload. */
  async function clean(received: string, cleaned: string): Promise<CleanPicture> {
    const type = detectImageType(await readHead(received))
    if (!type)
      throw new AppError(
        'MEDIA_UNSUPPORTED_TYPE',
        'Only JPEG, PNG, WebP, AVIF and GIF images are accepted',
        { property: 'file' },
      )
    const metadata = await readMetadata(received, type, limits.maxPixels)
    const credits = readEmbeddedCredits(metadata.iptc, metadata.xmp)
    const written = await writeCleanCopy(received, cleaned, type, metadata, limits.maxPixels)
    return { type, ...written, credits, dominantColor: await dominantColorOf(cleaned) }
  }

  /**
   * Stores the clean file, then writes the row, its audit entry and its event in one transaction;
   * if that fails, the stored file goes too (unless an earlier upload of the same picture keeps it).
   */
  async function store(
    context: ChangeContext,
    cleaned: string,
    picture: CleanPicture,
    input: MediaUpload,
  ): Promise<number> {
    const storageKey = await storage.putFile(cleaned, picture.type.extension)
    try {
      return await withTransaction(db, async (trx) => {
        const id = await createMediaItem(
          trx,
          {
            storageKey,
            originalFilename: cleanFilename(input.filename),
            mimeType: picture.type.mimeType,
            sizeBytes: picture.size,
            width: picture.width,
            height: picture.height,
            alt: input.alt ?? {},
            caption: input.caption ?? picture.credits.caption,
            credit: picture.credits.credit ?? null,
            copyright: picture.credits.copyright ?? null,
            dominantColor: picture.dominantColor,
            uploadedBy: actingUserId(context.actor),
          },
          clock.now(),
        )
        await recordChange(
          trx,
          context,
          {
            action: 'media.created',
            entityType: 'media',
            entityId: id,
            events: [{ entity: 'media', action: 'created', id }],
          },
          clock.now(),
        )
        return id
      })
    } catch (error) {
      if ((await countMediaWithStorageKey(db, storageKey, -1)) === 0)
        await storage.delete(storageKey)
      throw error
    }
  }

  return {
    /**
     * Stores an uploaded image for the actor (who needs `media.write`) and answers its media item,
     * with one audit entry and one `media.created` event; refusals are AppErrors and leave nothing.
     */
    async upload(context: ChangeContext, input: MediaUpload): Promise<MediaItem> {
      assertPermission(context.actor, 'media.write')
      const received = temporaryPath(folder, '.upload')
      const cleaned = temporaryPath(folder, '.clean')
      let id: number
      try {
        await mkdir(folder, { recursive: true })
        await receive(input.stream, received, limits.maxBytes)
        const picture = await limit(() => clean(received, cleaned))
        id = await store(context, cleaned, picture, input)
      } catch (error) {
        // A full disk or an unwritable folder answers its own code; nothing of the file stays.
        throw asStorageFailure(error)
      } finally {
        await Promise.all([rm(received, { force: true }), rm(cleaned, { force: true })])
      }
      await enqueueMediaVariants(deps.enqueue, id)
      if (deps.outbox) await deliverAfterCommit(db, deps.outbox)
      const item = (await findMediaByIds(db, [id])).get(id)
      if (!item) throw new AppError('INTERNAL', `media ${id} vanished after upload`)
      return item
    },
  }
}

export type MediaUploader = ReturnType<typeof createMediaUploader>
