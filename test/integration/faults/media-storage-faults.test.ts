import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { loadConfig } from '../../../src/config/load-config.js'
import { MEDIA_VARIANTS_JOB } from '../../../src/modules/media/media-jobs.js'
import { createMediaVariantJob } from '../../../src/modules/media/media-variant-job.js'
import { fixedClock } from '../../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../../src/platform/storage/local-media-storage.js'
import type { MediaStorage } from '../../../src/platform/storage/media-storage.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { makeImage } from '../../helpers/images.js'
import { filesUnder } from '../../helpers/media-harness.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const BOUNDARY = '----masthead-fault-boundary'

function multipartBody(filename: string, bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}

function noSpaceLeft(syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), {
    code: 'ENOSPC',
    errno: -28,
    syscall,
  })
}

/**
 * The local media storage on a disk with `room` bytes left: a write that does not fit fails as
 * the file system would, with ENOSPC, and writes nothing.
 */
function storageWithRoom(storage: MediaStorage) {
  const disk = { room: Infinity }
  const take = (size: number, syscall: string) => {
    if (size > disk.room) throw noSpaceLeft(syscall)
    disk.room -= size
  }
  const wrapped: MediaStorage = {
    ...storage,
    async put(bytes, extension) {
      take(bytes.length, 'write')
      return storage.put(bytes, extension)
    },
    async putFile(path, extension) {
      take(statSync(path).size, 'copyfile')
      return storage.putFile(path, extension)
    },
  }
  return { disk, storage: wrapped }
}

describeEachDatabase('media storage faults during upload', (store) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-media-faults-'))
  const mediaFolder = mediaFolderOf(dataDir)
  const local = createLocalMediaStorage(mediaFolder)
  const { disk, storage } = storageWithRoom(local)
  let app: FastifyInstance
  let editor: NewsroomClient
  let photo: Buffer

  beforeAll(async () => {
    const config = loadConfig({
      MASTHEAD_DATA_DIR: dataDir,
      MASTHEAD_DEMO: '0',
      MASTHEAD_SITE_URL: 'https://news.example',
      MASTHEAD_API_RATE_LIMIT: '0',
      MASTHEAD_SEARCH_RATE_LIMIT: '0',
    })
    app = await buildApp({ config, store: store(), clock: fixedClock(TEST_NOW), storage })
    editor = await signInAs(app, store().db, 'editor')
    photo = await makeImage('jpeg', { width: 1600, height: 1000, color: '#336699' })
  })
  afterAll(async () => {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
  beforeEach(() => {
    disk.room = Infinity
  })

  const upload = (filename = 'photo.jpg', bytes = photo) =>
    editor.request({
      method: 'POST',
      url: '/api/admin/media',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipartBody(filename, bytes),
    })
  const mediaRows = async () =>
    (await store().db.selectFrom('media').select('id').execute()).map((row) => row.id)
  const variantJobs = async () =>
    (
      await store()
        .db.selectFrom('jobs')
        .select('id')
        .where('kind', '=', MEDIA_VARIANTS_JOB)
        .execute()
    ).length
  const temporaryFiles = () => filesUnder(join(dataDir, 'tmp'))

  it('answers 507 MEDIA_STORAGE_FULL when the disk is full, and keeps nothing of the file', async () => {
    const rowsBefore = await mediaRows()
    const filesBefore = filesUnder(mediaFolder)
    const jobsBefore = await variantJobs()
    disk.room = 1000
    const reply = await upload()
    expect(reply.statusCode).toBe(507)
    expect(reply.json()).toEqual({
      errors: [{ code: 'MEDIA_STORAGE_FULL', message: 'There is no space left to store the file' }],
    })
    expect(await mediaRows()).toEqual(rowsBefore)
    expect(filesUnder(mediaFolder)).toEqual(filesBefore)
    expect(temporaryFiles()).toEqual([])
    expect(await variantJobs()).toBe(jobsBefore)

    // Room again: the same upload goes through.
    disk.room = Infinity
    const again = await upload()
    expect(again.statusCode).toBe(201)
    expect(await mediaRows()).toHaveLength(rowsBefore.length + 1)
  })

  it('answers MEDIA_NOT_WRITABLE when the media folder cannot be written, and keeps nothing', async () => {
    const rowsBefore = await mediaRows()
    const jobsBefore = await variantJobs()
    // A file where the folder should be: refused even to root, unlike a chmod.
    const aside = `${mediaFolder}.aside`
    rmSync(aside, { recursive: true, force: true })
    mkdirSync(mediaFolder, { recursive: true })
    renameSync(mediaFolder, aside)
    writeFileSync(mediaFolder, 'not a folder')
    try {
      const reply = await upload()
      expect(reply.statusCode).toBe(500)
      expect(reply.json()).toEqual({
        errors: [{ code: 'MEDIA_NOT_WRITABLE', message: 'The media folder cannot be written' }],
      })
      expect(await mediaRows()).toEqual(rowsBefore)
      expect(temporaryFiles()).toEqual([])
      expect(await variantJobs()).toBe(jobsBefore)
    } finally {
      rmSync(mediaFolder, { force: true })
      renameSync(aside, mediaFolder)
    }
  })

  it('leaves no variant behind when the disk fills while the variants are made', async () => {
    // A picture of its own: files shared with another item are that item's too.
    const reply = await upload(
      'variants.jpg',
      await makeImage('jpeg', { width: 1600, height: 1000, color: '#993366' }),
    )
    expect(reply.statusCode).toBe(201)
    const { id } = reply.json<{ id: number }>()
    const filesBefore = filesUnder(mediaFolder)
    const job = createMediaVariantJob({ db: store().db, storage, maxPixels: 100_000_000 })
    // Room for a few of the smaller files, not for all of them.
    disk.room = 60_000
    await expect(job.handle({ mediaId: id })).rejects.toThrow(/ENOSPC/)
    expect(disk.room).toBeLessThan(60_000)
    expect(filesUnder(mediaFolder).sort()).toEqual(filesBefore.sort())
    const row = await store()
      .db.selectFrom('media')
      .select('variants')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.variants).toBeNull()

    disk.room = Infinity
    await job.handle({ mediaId: id })
    expect(filesUnder(mediaFolder).length).toBeGreaterThan(filesBefore.length)
  })
})
