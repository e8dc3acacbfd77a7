import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Database } from '../../../src/db/database.js'
import { importGhost } from '../../../src/importers/ghost/import-ghost.js'
import { formatReport, type ImportReport } from '../../../src/importers/import-report.js'
import { createMediaUploader } from '../../../src/modules/media/media-upload.js'
import { fixedClock } from '../../../src/platform/clock.js'
import { createJobQueue } from '../../../src/platform/job-queue.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../../src/platform/storage/local-media-storage.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { startImageServer, type ImageServer } from '../../helpers/image-server.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { runWordPressImport, THEME_UNIT_TEST } from '../../helpers/wordpress-import-harness.js'

const GHOST_EXPORT = new URL('../../fixtures/imports/ghost/ghost-5-export.json', import.meta.url)
  .pathname
const OLD_UPLOADS = 'https://wpthemetestdata.files.wordpress.com'
const MISSING = '/2008/06/dsc04563.jpg'
const OVERSIZED = '/2010/08/manhattansummer.jpg'
const CREDITED = '/2008/06/canola2.jpg'
const MAX_BYTES = 50_000

const folder = () => mkdtempSync(join(tmpdir(), 'masthead-fetch-media-'))

interface BodyImage {
  mediaId?: number
  src: string
  alt: string
}

async function bodyImages(db: Kysely<Database>, table: 'articles' | 'pages' = 'articles') {
  const rows = await db.selectFrom(table).select(['id', 'bodyDoc']).execute()
  return rows.flatMap((row) =>
    (JSON.parse(row.bodyDoc) as { content: { type: string; attrs?: BodyImage }[] }).content
      .filter((node) => node.type === 'image')
      .map((node) => node.attrs as BodyImage),
  )
}

/** A copy of an export with the old site's host made the local server's. */
function rehosted(source: string, from: string, to: string, name: string): string {
  const path = join(folder(), name)
  writeFileSync(path, readFileSync(source, 'utf8').replaceAll(from, to))
  return path
}

/** A WXR file of one image attachment and a post showing it and an image of no attachment. */
function smallExport(origin: string): string {
  const path = join(folder(), 'small.xml')
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Small</title><link>https://small.example</link><language>en</language>
  <wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://small.example</wp:base_blog_url>
  <item>
    <title>quay</title><wp:post_id>10</wp:post_id><wp:post_type>attachment</wp:post_type>
    <wp:status>inherit</wp:status><wp:post_parent>11</wp:post_parent>
    <wp:attachment_url>${origin}/2024/05/quay.jpg</wp:attachment_url>
  </item>
  <item>
    <title>Harbour reopens</title><link>https://small.example/harbour-reopens/</link>
    <wp:post_id>11</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
    <wp:post_name>harbour-reopens</wp:post_name><wp:post_date_gmt>2026-05-01 08:00:00</wp:post_date_gmt>
    <content:encoded><![CDATA[<p>Open again.</p><img src="${origin}/2024/05/quay.jpg" alt="The quay"><img src="${origin}/2024/05/crane.png" alt="A crane">]]></content:encoded>
  </item>
</channel>
</rss>`,
  )
  return path
}

describeEachDatabase('WordPress import with --fetch-media', (store) => {
  const dataDir = folder()
  let server: ImageServer
  let report: ImportReport

  beforeAll(async () => {
    server = await startImageServer({
      missing: [MISSING],
      oversized: [OVERSIZED],
      oversizedBytes: MAX_BYTES + 10_000,
      credits: { [CREDITED]: 'Photo Desk' },
    })
    const path = rehosted(THEME_UNIT_TEST, OLD_UPLOADS, server.origin, 'theme.xml')
    report = await runWordPressImport(store().db, {
      path,
      dataDir,
      maxBytes: MAX_BYTES,
      fetchMedia: { maxBytes: MAX_BYTES, allowPrivateHosts: true, retryDelayMs: 1 },
    })
  }, 180_000)
  afterAll(() => server.close())

  it('stores the attachments as media with their alt text and credit', async () => {
    expect(report.failed).toEqual([])
    const { db } = store()
    const media = await db
      .selectFrom('media')
      .select(['originalFilename', 'alt', 'credit'])
      .execute()
    // 35 pictures among the 37 attachments, two of them not downloadable.
    expect(report.imported).toMatchObject({ attachments: 37 })
    expect(report.remoteMedia).toHaveLength(4)
    const canola = media.find((item) => item.originalFilename === 'canola2.jpg')
    expect(JSON.parse(canola?.alt ?? '{}')).toEqual({ en: 'canola' })
    expect(canola?.credit).toBe('Photo Desk')
  })

  it('points the bodies at the stored media, body images that are no attachment included', async () => {
    const images = [...(await bodyImages(store().db)), ...(await bodyImages(store().db, 'pages'))]
    const failed = [MISSING, OVERSIZED].map((path) => `${server.origin}${path}`)
    const remote = images.filter((image) => !image.mediaId)
    expect(images.length).toBeGreaterThan(40)
    expect(remote.length).toBeGreaterThan(0)
    // A resized copy (`?w=150`) of a file that failed stays remote with it.
    expect(new Set(remote.map((image) => image.src.replace(/\?.*$/, '')))).toEqual(new Set(failed))
    expect(images.filter((image) => image.mediaId).every((i) => i.src.startsWith('/media/'))).toBe(
      true,
    )
    expect(report.remoteImages).toBe(remote.length)
  })

  it('reports a 404 and an oversized file by URL with the reason, and imports their posts', () => {
    expect(report.unfetchedMedia).toEqual(
      expect.arrayContaining([
        { url: `${server.origin}${MISSING}`, reason: 'the server answered 404' },
        { url: `${server.origin}${OVERSIZED}`, reason: `larger than the ${MAX_BYTES}-byte limit` },
      ]),
    )
    expect(formatReport(report)).toContain(`  ${server.origin}${MISSING}: the server answered 404`)
  })

  it('downloads nothing again on a second run', async () => {
    const before = server.requested.length
    const again = await runWordPressImport(store().db, {
      path: rehosted(THEME_UNIT_TEST, OLD_UPLOADS, server.origin, 'theme-again.xml'),
      dataDir,
      maxBytes: MAX_BYTES,
      fetchMedia: { maxBytes: MAX_BYTES, allowPrivateHosts: true, retryDelayMs: 1 },
    })
    expect(again.imported.media ?? 0).toBe(0)
    // Only the two files that failed are asked for again.
    expect(server.requested.slice(before).sort()).toEqual([MISSING, OVERSIZED].sort())
  }, 120_000)
})

const REMOTE_IMAGES = (origin: string) => [
  { src: `${origin}/2024/05/quay.jpg`, alt: 'The quay' },
  { src: `${origin}/2024/05/crane.png`, alt: 'A crane' },
]

describeEachDatabase('WordPress import of remote pictures from a loopback host', (store) => {
  let server: ImageServer
  beforeAll(async () => {
    server = await startImageServer({})
  })
  afterAll(() => server.close())

  it('refuses a loopback host without --allow-private-hosts, keeping the remote picture', async () => {
    const report = await runWordPressImport(store().db, {
      path: smallExport(server.origin),
      dataDir: folder(),
      fetchMedia: { maxBytes: MAX_BYTES },
    })
    expect(server.requested).toEqual([])
    expect(report.unfetchedMedia.map(({ url }) => url)).toEqual([
      `${server.origin}/2024/05/quay.jpg`,
      `${server.origin}/2024/05/crane.png`,
    ])
    for (const { reason } of report.unfetchedMedia)
      expect(reason).toMatch(
        /private, loopback or link-local address \(127\.0\.0\.1\); --allow-private-hosts/,
      )
    expect(await store().db.selectFrom('media').select('id').execute()).toEqual([])
    expect(await bodyImages(store().db)).toEqual(REMOTE_IMAGES(server.origin))
  })

  it('keeps the remote <img> in the body without either option, and says so', async () => {
    const report = await runWordPressImport(store().db, {
      path: smallExport(server.origin),
      dataDir: folder(),
    })
    expect(report.remoteImages).toBe(2)
    expect(report.unresolvedImages).toBe(0)
    expect(formatReport(report).join('\n')).toMatch(/Images kept in bodies at their old URL.*: 2/)
    expect(await bodyImages(store().db)).toEqual(REMOTE_IMAGES(server.origin))
  })

  it('downloads a body image that is no attachment, with its alt text', async () => {
    const report = await runWordPressImport(store().db, {
      path: smallExport(server.origin),
      dataDir: folder(),
      fetchMedia: { maxBytes: MAX_BYTES, allowPrivateHosts: true },
    })
    expect(report.unfetchedMedia).toEqual([])
    expect(report.imported.media).toBe(2)
    const crane = await store()
      .db.selectFrom('media')
      .select(['id', 'alt'])
      .where('originalFilename', '=', 'crane.png')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(crane.alt)).toEqual({ en: 'A crane' })
    const images = await bodyImages(store().db)
    expect(images.map((image) => image.alt)).toEqual(['The quay', 'A crane'])
    expect(images[1]?.mediaId).toBe(crane.id)
    expect(images.every((image) => image.src.startsWith('/media/'))).toBe(true)
  })
})

describeEachDatabase('Ghost import with --fetch-media', (store) => {
  const dataDir = folder()
  let server: ImageServer
  beforeAll(async () => {
    server = await startImageServer({ missing: ['/content/images/m2.jpg'] })
  })
  afterAll(() => server.close())

  const run = (db: Kysely<Database>, path: string, options: { siteUrl?: string }) => {
    const clock = fixedClock(TEST_NOW)
    const queue = createJobQueue({ db, clock })
    return importGhost({
      db,
      path,
      now: () => TEST_NOW,
      ...options,
      fetchMedia: { maxBytes: MAX_BYTES, allowPrivateHosts: true, retryDelayMs: 1 },
      uploader: createMediaUploader({
        db,
        storage: createLocalMediaStorage(mediaFolderOf(dataDir)),
        clock,
        dataDir,
        limits: { maxBytes: MAX_BYTES, maxPixels: 100_000_000 },
        enqueue: (job) => queue.enqueue(job),
      }),
    })
  }

  it('downloads feature and body images, resolving __GHOST_URL__ with --site-url', async () => {
    const path = rehosted(GHOST_EXPORT, 'https://example.com', '__GHOST_URL__', 'ghost.json')
    const report = await run(store().db, path, { siteUrl: server.origin })
    expect(report.failed).toEqual([])
    expect(report.imported).toMatchObject({ media: 3 })
    expect(report.unfetchedMedia).toEqual([
      { url: `${server.origin}/content/images/m2.jpg`, reason: 'the server answered 404' },
    ])
    const { db } = store()
    const hero = await db
      .selectFrom('articles')
      .select('heroMediaId')
      .where('slug', '=', 'desalination-plant-opens-on-the-coast')
      .executeTakeFirstOrThrow()
    expect(hero.heroMediaId).not.toBeNull()
    const images = await bodyImages(db)
    expect(images.find((image) => image.alt === 'The plant')?.mediaId).toBeDefined()
    expect(images.find((image) => image.alt === 'Stall')?.mediaId).toBeDefined()
    expect(images.find((image) => image.alt === 'Spices')).toMatchObject({
      src: `${server.origin}/content/images/m2.jpg`,
    })
    expect(images.find((image) => image.alt === 'Spices')?.mediaId).toBeUndefined()
  })
})
