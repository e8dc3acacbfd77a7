import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/database.js'
import { importWordPress } from '../../src/importers/wordpress/import-wordpress.js'
import type { FetchMediaOptions } from '../../src/importers/remote-media/fetch-remote-media.js'
import { createJobQueue } from '../../src/platform/job-queue.js'
import { createMediaUploader } from '../../src/modules/media/media-upload.js'
import { fixedClock } from '../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { TEST_NOW } from './factories.js'
import { makeImage } from './images.js'

export const WORDPRESS_FIXTURES = new URL('../fixtures/imports/wordpress/', import.meta.url)
  .pathname
export const THEME_UNIT_TEST = join(WORDPRESS_FIXTURES, 'themeunittestdata.wordpress.xml')
export const BLOCK_TEST = join(WORDPRESS_FIXTURES, '64-block-test-data.xml')

/**
 * A copy of `wp-content/uploads` for the exports: a generated picture at the path of every image
 * attachment of the files (their own pictures are not part of the fixtures).
 */
export async function makeUploadsCopy(exports: string[]): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-uploads-'))
  const urls = new Set(
    exports.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<wp:attachment_url>(?:<!\[CDATA\[)?([^<\]]+)/g)].map(
        (match) => match[1] ?? '',
      ),
    ),
  )
  for (const [index, url] of [...urls].entries()) {
    const path = decodeURI(new URL(url).pathname).replace(/^\/+/, '')
    const format = path.endsWith('.gif') ? 'gif' : path.endsWith('.png') ? 'png' : 'jpeg'
    if (!/\.(jpe?g|png|gif)$/i.test(path)) continue
    mkdirSync(dirname(join(folder, path)), { recursive: true })
    writeFileSync(
      join(folder, path),
      await makeImage(format, {
        width: 320,
        height: 200,
        // A colour of its own, so that each picture is a file of its own (storage is by content).
        color: `#${(0x102030 + index * 0x050403).toString(16).slice(-6)}`,
      }),
    )
  }
  return folder
}

/** Runs the WordPress import as the command does, with media stored under `dataDir`. */
export function runWordPressImport(
  db: Kysely<Database>,
  input: {
    path: string
    dataDir: string
    mediaDir?: string
    language?: string
    isDryRun?: boolean
    withUsers?: boolean
    fetchMedia?: FetchMediaOptions
    maxBytes?: number
  },
) {
  const clock = fixedClock(TEST_NOW)
  const queue = createJobQueue({ db, clock })
  const uploader = createMediaUploader({
    db,
    storage: createLocalMediaStorage(mediaFolderOf(input.dataDir)),
    clock,
    dataDir: input.dataDir,
    limits: { maxBytes: input.maxBytes ?? 25_000_000, maxPixels: 100_000_000 },
    enqueue: (job) => queue.enqueue(job),
  })
  return importWordPress({
    db,
    path: input.path,
    uploader,
    now: () => clock.now(),
    ...(input.mediaDir && { mediaDir: input.mediaDir }),
    ...(input.language && { language: input.language }),
    ...(input.isDryRun && { isDryRun: true }),
    ...(input.withUsers && { withUsers: true }),
    ...(input.fetchMedia && { fetchMedia: input.fetchMedia }),
  })
}

/** Rows per table of what an import writes, to show that a refused one wrote nothing. */
export async function contentCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = [
    'articles', 'pages', 'sections', 'tags', 'authors', 'media', 'galleries', 'redirects',
    'importRecords', 'editions', 'searchDocuments',
  ] as const // prettier-ignore
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.count)
  }
  return counts
}
