import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { systemActor } from '../../src/modules/access/actor.js'
import type { ChangeContext } from '../../src/modules/access/actor.js'
import { fixedClock } from '../../src/platform/clock.js'
import { createMediaService } from '../../src/modules/media/media-service.js'
import { createMediaUploader } from '../../src/modules/media/media-upload.js'
import { createMediaVariantJob } from '../../src/modules/media/media-variant-job.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { TEST_NOW } from './factories.js'
import type { TestStore } from './test-databases.js'

/** Every file below a folder, as paths relative to it. */
export function filesUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
  } catch {
    return []
  }
}

/** The media services on a test store, with a data folder of their own and a recording queue. */
export function createMediaHarness(
  store: TestStore,
  limits: { maxBytes?: number; maxPixels?: number } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-media-'))
  const storage = createLocalMediaStorage(mediaFolderOf(dataDir))
  const clock = fixedClock(TEST_NOW)
  const jobs: { kind: string; payload: unknown; uniqueKey?: string }[] = []
  const enqueue = (job: { kind: string; payload: unknown; uniqueKey?: string }) => {
    jobs.push(job)
    return Promise.resolve()
  }
  const maxPixels = limits.maxPixels ?? 100_000_000
  // No process reads the outbox here: the events stay in the table for tests that look.
  const outbox = { deliver: () => Promise.resolve() }
  const context: ChangeContext = { actor: systemActor, ipAddress: null }
  const uploader = createMediaUploader({
    db: store.db,
    storage,
    clock,
    dataDir,
    limits: { maxBytes: limits.maxBytes ?? 25 * 1024 * 1024, maxPixels },
    enqueue,
    outbox,
  })
  return {
    dataDir,
    outbox,
    /** Who the harness's writes are made by: Masthead itself. */
    context,
    storage,
    jobs,
    enqueue,
    uploader,
    media: createMediaService({ db: store.db, storage, clock, enqueue, outbox }),
    variantJob: createMediaVariantJob({ db: store.db, storage, maxPixels }),
    upload: (bytes: Buffer, filename = 'photo.jpg') =>
      uploader.upload(context, { stream: Readable.from([bytes]), filename }),
    /** Files left in the media folder and in the temporary uploads folder. */
    mediaFiles: () => filesUnder(mediaFolderOf(dataDir)),
    temporaryFiles: () => filesUnder(join(dataDir, 'tmp')),
    dispose: () => rmSync(dataDir, { recursive: true, force: true }),
  }
}

export type MediaHarness = ReturnType<typeof createMediaHarness>
