import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { systemActor } from '../src/modules/access/actor.js'
import type { JobHandler } from '../src/modules/media/media-jobs.js'
import { createMediaUploader } from '../src/modules/media/media-upload.js'
import { createMediaVariantJob } from '../src/modules/media/media-variant-job.js'
import { systemClock } from '../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../src/platform/storage/local-media-storage.js'

/** A 4000 × 3000 picture with the smooth areas and grain of a photo, as a camera JPEG. */
async function twelveMegapixelPhoto(seed: number): Promise<Buffer> {
  const noise = (sigma: number, width: number, height: number) =>
    sharp({
      create: {
        width,
        height,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128 + seed, sigma },
      },
    })
  const smooth = await noise(60, 160, 120)
    .resize(4000, 3000, { kernel: 'cubic' })
    .blur(3)
    .png()
    .toBuffer()
  const grain = await noise(8, 4000, 3000).png().toBuffer()
  return sharp(smooth)
    .composite([{ input: grain, blend: 'overlay' }])
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** The job queue's part here: jobs run as they are enqueued, at most `concurrency` at once. */
function inProcessQueue(handler: () => JobHandler) {
  const waiting: { mediaId: number }[] = []
  const done = new Map<number, Promise<void>>()
  const resolvers = new Map<number, () => void>()
  let running = 0
  const pump = () => {
    while (running < handler().concurrency && waiting.length) {
      const payload = waiting.shift() as { mediaId: number }
      running += 1
      void handler()
        .handle(payload)
        .finally(() => {
          running -= 1
          resolvers.get(payload.mediaId)?.()
          pump()
        })
    }
  }
  return {
    enqueue(job: { payload: unknown }) {
      const payload = job.payload as { mediaId: number }
      done.set(payload.mediaId, new Promise((resolve) => resolvers.set(payload.mediaId, resolve)))
      waiting.push(payload)
      pump()
      return Promise.resolve()
    },
    finished: (mediaId: number) => done.get(mediaId) ?? Promise.resolve(),
  }
}

const PHOTOS = 11

/** `generate FOLDER` writes the photos; `run FOLDER` measures on them in a fresh process. */
const [mode, given] = process.argv.slice(2)
if (mode === 'generate' && given) {
  const base = await twelveMegapixelPhoto(0)
  for (let index = 0; index < PHOTOS; index++) {
    const photo = await sharp(base)
      .modulate({ brightness: 1 + index / 100 })
      .jpeg({ quality: 90 })
      .toBuffer()
    writeFileSync(join(given, `photo-${index}.jpg`), photo)
  }
  process.exit(0)
}

const startRss = process.memoryUsage().rss
const folder = mkdtempSync(join(given ?? tmpdir(), 'run-'))
try {
  const store = await openStore({ kind: 'sqlite', file: join(folder, 'bench.sqlite') })
  await migrateToLatest(store.db)
  const storage = createLocalMediaStorage(mediaFolderOf(folder))
  const maxPixels = 100_000_000
  const job = createMediaVariantJob({ db: store.db, storage, maxPixels })
  const queue = inProcessQueue(() => job)
  const uploader = createMediaUploader({
    db: store.db,
    storage,
    clock: systemClock,
    dataDir: folder,
    limits: { maxBytes: 25 * 1024 * 1024, maxPixels },
    enqueue: (next) => queue.enqueue(next),
  })
  const photos = Array.from({ length: PHOTOS }, (_, index) =>
    join(given ?? '', `photo-${index}.jpg`),
  )
  /** Uploads a file and waits for its variant job. */
  const uploadToReady = async (path: string) => {
    const item = await uploader.upload(
      { actor: systemActor, ipAddress: null },
      { stream: createReadStream(path), filename: 'photo.jpg' },
    )
    await queue.finished(item.id)
  }

  // Baseline: one decode and re-encode of the same picture, no pipeline around it.
  let started = performance.now()
  await sharp(photos[0]).jpeg({ quality: 90 }).toBuffer()
  const baselineMs = performance.now() - started

  started = performance.now()
  await uploadToReady(photos[0] ?? '')
  const singleMs = performance.now() - started

  const idleRss = process.memoryUsage().rss
  let peakRss = idleRss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 10)
  started = performance.now()
  await Promise.all(photos.slice(1).map(uploadToReady))
  const tenMs = performance.now() - started
  clearInterval(sampler)
  await store.close()
  console.log(
    JSON.stringify({
      photoBytes: statSync(photos[0] ?? '').size,
      baselineMs,
      singleMs,
      tenMs,
      startRssMb: startRss / 2 ** 20,
      idleRssMb: idleRss / 2 ** 20,
      peakRssMb: peakRss / 2 ** 20,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      jobConcurrency: job.concurrency,
    }),
  )
} finally {
  rmSync(folder, { recursive: true, force: true })
}
