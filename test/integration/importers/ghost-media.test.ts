import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { importGhost } from '../../../src/importers/ghost/import-ghost.js'
import { ghostImagePath } from '../../../src/importers/ghost/ghost-media.js'
import { createJobQueue } from '../../../src/platform/job-queue.js'
import { createMediaUploader } from '../../../src/modules/media/media-upload.js'
import { fixedClock } from '../../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../../src/platform/storage/local-media-storage.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { makeImage } from '../../helpers/images.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const folder = () => mkdtempSync(join(tmpdir(), 'masthead-ghost-media-'))

/** A Ghost 5 export of one post showing a feature image, two body images and a missing one. */
function ghostExport(): string {
  const post = {
    id: 'p1',
    uuid: 'u1',
    title: 'Harbour reopens',
    slug: 'harbour-reopens',
    html:
      '<p>The harbour is open.</p>' +
      '<figure><img src="__GHOST_URL__/content/images/size/w600/2024/05/harbour.jpg" alt="The quay"><figcaption>Boats at dawn</figcaption></figure>' +
      '<img src="__GHOST_URL__/content/images/2024/05/crane.png" alt="">' +
      '<img src="__GHOST_URL__/content/images/2024/05/missing.jpg" alt="">',
    feature_image: '__GHOST_URL__/content/images/2024/05/harbour.jpg',
    type: 'post',
    status: 'published',
    published_at: '2026-06-01T08:00:00.000Z',
    updated_at: '2026-06-01T08:00:00.000Z',
    created_at: '2026-06-01T08:00:00.000Z',
  }
  const file = join(folder(), 'ghost.json')
  writeFileSync(
    file,
    JSON.stringify({ db: [{ meta: { version: '5.80.0' }, data: { posts: [post] } }] }),
  )
  return file
}

it('finds the file of a Ghost image URL, resized copies included', () => {
  expect(ghostImagePath('__GHOST_URL__/content/images/2024/05/a%20b.jpg')).toBe('2024/05/a b.jpg')
  expect(ghostImagePath('https://blog.example/content/images/size/w600/2024/05/a.jpg?v=2')).toBe(
    '2024/05/a.jpg',
  )
  expect(ghostImagePath('https://cdn.example/a.jpg')).toBeUndefined()
})

describeEachDatabase('Ghost import with --media-dir', (store) => {
  const dataDir = folder()
  const mediaDir = folder()
  const path = ghostExport()
  const run = () => {
    const clock = fixedClock(TEST_NOW)
    const { db } = store()
    const queue = createJobQueue({ db, clock })
    return importGhost({
      db,
      path,
      now: () => TEST_NOW,
      mediaDir,
      uploader: createMediaUploader({
        db,
        storage: createLocalMediaStorage(mediaFolderOf(dataDir)),
        clock,
        dataDir,
        limits: { maxBytes: 25_000_000, maxPixels: 100_000_000 },
        enqueue: (job) => queue.enqueue(job),
      }),
    })
  }

  it('makes media of the images found in the folder and points the post at them', async () => {
    mkdirSync(join(mediaDir, '2024', '05'), { recursive: true })
    writeFileSync(join(mediaDir, '2024/05/harbour.jpg'), await makeImage('jpeg'))
    writeFileSync(join(mediaDir, '2024/05/crane.png'), await makeImage('png', { color: '#3070c0' }))
    const report = await run()
    expect(report.failed).toEqual([])
    expect(report.imported).toMatchObject({ articles: 1, media: 2 })
    expect(report.unresolvedImages).toBe(1)
    const { db } = store()
    const media = await db.selectFrom('media').select(['id', 'originalFilename']).execute()
    expect(media.map((item) => item.originalFilename).sort()).toEqual(['crane.png', 'harbour.jpg'])
    const harbour = media.find((item) => item.originalFilename.endsWith('harbour.jpg'))
    const article = await db
      .selectFrom('articles')
      .select(['heroMediaId', 'bodyDoc'])
      .executeTakeFirstOrThrow()
    expect(article.heroMediaId).toBe(harbour?.id)
    const images = (
      JSON.parse(article.bodyDoc) as {
        content: { type: string; attrs?: { mediaId: number; alt: string; caption?: string } }[]
      }
    ).content.filter((node) => node.type === 'image')
    expect(images.map((node) => node.attrs?.mediaId).sort()).toEqual(
      media.map((item) => item.id).sort(),
    )
    expect(images[0]?.attrs).toMatchObject({ alt: 'The quay', caption: 'Boats at dawn' })
  })

  it('uploads nothing twice on a second run', async () => {
    const report = await run()
    expect(report.imported).toEqual({})
    expect(report.updated).toEqual({ articles: 1 })
    expect(await store().db.selectFrom('media').select('id').execute()).toHaveLength(2)
  })
})
