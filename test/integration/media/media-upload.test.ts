import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config/load-config.js'
import { isAppError } from '../../../src/errors/app-error.js'
import { MEDIA_VARIANTS_JOB } from '../../../src/modules/media/media-jobs.js'
import { createMediaUploader } from '../../../src/modules/media/media-upload.js'
import { fixedClock } from '../../../src/platform/clock.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { createMediaHarness, type MediaHarness } from '../../helpers/media-harness.js'
import { newestEventId, outboxEvents } from '../../helpers/outbox-events.js'
import {
  makeCameraPhoto,
  makeImage,
  makePngBomb,
  withIptc,
  type ImageFormat,
} from '../../helpers/images.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

async function refusalCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (error) {
    return isAppError(error) ? error.code : String(error)
  }
  return undefined
}

describeEachDatabase('media upload', (store) => {
  let media: MediaHarness
  beforeAll(() => {
    media = createMediaHarness(store(), { maxBytes: 512 * 1024 })
  })
  afterAll(() => media.dispose())

  const rowCount = async () => (await store().db.selectFrom('media').select('id').execute()).length

  /** A refusal leaves no row, no stored file and no temporary file. */
  async function expectRefused(upload: () => Promise<unknown>, code: string) {
    const [rows, files] = [await rowCount(), media.mediaFiles()]
    expect(await refusalCode(upload())).toBe(code)
    expect(await rowCount()).toBe(rows)
    expect(media.mediaFiles()).toEqual(files)
    expect(media.temporaryFiles()).toEqual([])
  }

  const formats: [ImageFormat, string][] = [
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
    ['gif', 'image/gif'],
  ]
  for (const [format, mimeType] of formats) {
    it(`accepts a ${format} image, stores it and queues its variants`, async () => {
      const item = await media.upload(
        await makeImage(format, { width: 80, height: 60 }),
        `a.${format}`,
      )
      expect(item).toMatchObject({
        mimeType,
        width: 80,
        height: 60,
        originalFilename: `a.${format}`,
      })
      expect(item.dominantColor).toMatch(/^#[0-9a-f]{6}$/)
      expect(item.variants).toBeNull()
      const stored = await media.storage.get(item.storageKey)
      expect((await sharp(stored).metadata()).format).toBe(format === 'avif' ? 'heif' : format)
      expect(media.jobs.at(-1)).toEqual({
        kind: MEDIA_VARIANTS_JOB,
        payload: { mediaId: item.id },
        uniqueKey: `${MEDIA_VARIANTS_JOB}:${item.id}`,
      })
      expect(media.temporaryFiles()).toEqual([])
    })
  }

  it('reads the type from the content, not from a false extension', async () => {
    const item = await media.upload(await makeImage('png'), 'holiday.jpg')
    expect(item.mimeType).toBe('image/png')
    expect(item.storageKey).toMatch(/\.png$/)
    await expectRefused(
      () => media.upload(Buffer.from('just some text, not a picture'), 'x.jpg'),
      'MEDIA_UNSUPPORTED_TYPE',
    )
  })

  it('refuses SVG, even named as a PNG', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
    await expectRefused(() => media.upload(Buffer.from(svg), 'logo.png'), 'MEDIA_UNSUPPORTED_TYPE')
  })

  it('refuses a truncated JPEG and leaves nothing behind', async () => {
    const jpeg = await makeImage('jpeg', { width: 400, height: 300 })
    await expectRefused(
      () => media.upload(jpeg.subarray(0, Math.floor(jpeg.length / 2))),
      'MEDIA_CORRUPT',
    )
  })

  it('refuses a 30,000 × 30,000 PNG bomb before decoding it', async () => {
    const bomb = makePngBomb(30_000, 30_000)
    expect(bomb.length).toBeLessThan(200_000)
    const before = process.memoryUsage().rss
    await expectRefused(() => media.upload(bomb, 'bomb.png'), 'MEDIA_TOO_MANY_PIXELS')
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })

  it('refuses a file over the size limit while it streams', async () => {
    const big = Buffer.concat([await makeImage('jpeg'), Buffer.alloc(600 * 1024)])
    await expectRefused(() => media.upload(big), 'MEDIA_TOO_LARGE')
    const endless = Readable.from(
      (function* () {
        for (let i = 0; i < 10_000; i++) yield Buffer.alloc(64 * 1024)
      })(),
    )
    await expectRefused(
      () => media.uploader.upload(media.context, { stream: endless, filename: 'x.jpg' }),
      'MEDIA_TOO_LARGE',
    )
  })

  it('applies the EXIF orientation, then strips EXIF so the GPS position never leaks', async () => {
    const photo = await makeCameraPhoto(200, 100)
    const original = await sharp(photo).metadata()
    expect(original.orientation).toBe(6)
    expect(original.exif?.includes(Buffer.from('Test Camera'))).toBe(true)
    const item = await media.upload(photo, 'camera.jpg')
    expect([item.width, item.height]).toEqual([100, 200])
    const stored = await sharp(await media.storage.get(item.storageKey)).metadata()
    expect([stored.width, stored.height]).toEqual([100, 200])
    expect(stored.exif).toBeUndefined()
    expect(stored.orientation).toBeUndefined()
    expect(stored.iptc).toBeUndefined()
    expect(stored.xmp).toBeUndefined()
  })

  it('reads caption, credit and copyright from IPTC as defaults', async () => {
    const photo = withIptc(await makeImage('jpeg'), {
      caption: 'سوق الحميدية في دمشق',
      byline: 'Jane Doe',
      credit: 'Levant Photo Agency',
      copyright: '© 2026 Levant Photo Agency',
    })
    const item = await media.upload(photo, 'agency.jpg')
    expect(item.caption).toEqual({ ar: 'سوق الحميدية في دمشق' })
    expect(item.credit).toBe('Jane Doe/Levant Photo Agency')
    expect(item.copyright).toBe('© 2026 Levant Photo Agency')
    expect((await sharp(await media.storage.get(item.storageKey)).metadata()).iptc).toBeUndefined()
  })

  it('takes concurrent uploads, each to its own item', async () => {
    const pictures = await Promise.all(
      ['#aa0000', '#00aa00', '#0000aa', '#aaaa00', '#00aaaa', '#aa00aa'].map((color) =>
        makeImage('jpeg', { width: 300, height: 200, color }),
      ),
    )
    const items = await Promise.all(
      pictures.map((bytes, index) => media.upload(bytes, `${index}.jpg`)),
    )
    expect(new Set(items.map((item) => item.id)).size).toBe(6)
    expect(new Set(items.map((item) => item.storageKey)).size).toBe(6)
    for (const item of items) expect(await media.storage.has(item.storageKey)).toBe(true)
    expect(media.temporaryFiles()).toEqual([])
  })

  it('starts with the alt text and caption an importer gives, over the embedded caption', async () => {
    const photo = withIptc(await makeImage('jpeg', { width: 120, height: 80 }), {
      caption: 'Embedded caption',
    })
    const item = await media.uploader.upload(media.context, {
      stream: Readable.from([photo]),
      filename: 'imported.jpg',
      alt: { en: 'Boats in the harbour' },
      caption: { en: 'The harbour at dawn' },
    })
    expect([item.alt, item.caption]).toEqual([
      { en: 'Boats in the harbour' },
      { en: 'The harbour at dawn' },
    ])
  })

  it('refuses an actor without media.write before reading the file', async () => {
    const readOnly = {
      kind: 'token' as const,
      tokenId: 1,
      scopes: ['read' as const],
      createdBy: null,
    }
    await expectRefused(
      () =>
        media.uploader.upload(
          { actor: readOnly, ipAddress: null },
          { stream: Readable.from([Buffer.from('never read')]), filename: 'x.jpg' },
        ),
      'FORBIDDEN',
    )
  })

  it('removes the stored file when the row and its audit entry cannot be written', async () => {
    const db = store().db
    // The audit log refuses every entry: the transaction of the row, entry and event fails.
    const failing = db.withPlugin({
      transformQuery: (args) => {
        const table = args.node.kind === 'InsertQueryNode' ? args.node.into?.table.identifier : null
        if (table && /^audit_?log$/i.test(table.name))
          throw new Error('the audit log is unavailable')
        return args.node
      },
      transformResult: (args) => Promise.resolve(args.result),
    })
    const uploader = createMediaUploader({
      db: failing,
      storage: media.storage,
      clock: fixedClock(TEST_NOW),
      dataDir: media.dataDir,
      limits: { maxBytes: 512 * 1024, maxPixels: 100_000_000 },
      enqueue: media.enqueue,
    })
    const [events, audit, jobs] = [
      await newestEventId(db),
      (await db.selectFrom('auditLog').select('id').execute()).length,
      media.jobs.length,
    ]
    const bytes = await makeImage('png', { width: 90, height: 70, color: '#0b1c2d' })
    await expectRefused(
      () =>
        uploader.upload(media.context, { stream: Readable.from([bytes]), filename: 'lost.png' }),
      'Error: the audit log is unavailable',
    )
    expect(await outboxEvents(db, events)).toEqual([])
    expect((await db.selectFrom('auditLog').select('id').execute()).length).toBe(audit)
    expect(media.jobs.length).toBe(jobs)
  })
})

describe('media upload limits', () => {
  it('are read from the configuration', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'masthead-config-'))
    expect(loadConfig({ MASTHEAD_DATA_DIR: dataDir }).media).toEqual({
      maxBytes: 25 * 1024 * 1024,
      maxPixels: 100_000_000,
    })
    expect(
      loadConfig({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_MEDIA_MAX_BYTES: '1048576' }).media
        .maxBytes,
    ).toBe(1_048_576)
    expect(() =>
      loadConfig({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_MEDIA_MAX_BYTES: '12MB' }),
    ).toThrow(/MASTHEAD_MEDIA_MAX_BYTES/)
  })
})
