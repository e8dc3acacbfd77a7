import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { systemActor } from '../../modules/access/actor.js'
import type { ImageNode } from '../../modules/articles/document/article-document.js'
import type { ImageSource } from '../../modules/articles/document/html-to-document.js'
import { findMediaByIds, type MediaItem } from '../../modules/media/media-queries.js'
import type { MediaUploader } from '../../modules/media/media-upload.js'
import { mediaPath } from '../../modules/media/responsive-image.js'
import { findImportRecord, saveImportRecord } from '../../modules/imports/import-records.js'
import { tally, type ImportReport } from '../import-report.js'
import { ghostPostHtml } from './ghost-content.js'
import type { GhostPost } from './ghost-export.js'

/** An origin for Ghost's `__GHOST_URL__` placeholder in image sources, so they parse as URLs. */
const GHOST_ORIGIN = 'https://ghost-site.invalid'
const IMAGES = '/content/images/'
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif'])

/** What body and feature images resolve to once the images folder is imported. */
export interface GhostMedia {
  /** The post's HTML with Ghost's URL placeholder in image sources made absolute. */
  htmlOf: (post: GhostPost) => string
  resolveImage: (image: ImageSource) => ImageNode['attrs'] | undefined
  mediaIdOf: (url: string | null | undefined) => number | undefined
}

/**
 * The file of a Ghost image URL under `content/images`, without the resized copies' `size/w600/`
 * (`__GHOST_URL__/content/images/size/w600/2024/05/a.jpg` → `2024/05/a.jpg`); undefined for others.
 */
export function ghostImagePath(url: string): string | undefined {
  const at = url.indexOf(IMAGES)
  if (at < 0) return undefined
  try {
    const path = decodeURI(url.slice(at + IMAGES.length).replace(/[?#].*$/, ''))
    return path.replace(/^size\/w\d+(?:h\d+)?\/(?:format\/[a-z]+\/)?/, '') || undefined
  } catch {
    return undefined
  }
}

function withOrigin(html: string): string {
  return html.replace(/(<img\b[^>]*?\ssrc=["'])__GHOST_URL__/gi, `$1${GHOST_ORIGIN}`)
}

/** The image URLs a post shows: its feature image and the sources of its `<img>` elements. */
function imageUrls(post: GhostPost): string[] {
  const sources = [...ghostPostHtml(post).matchAll(/<img\b[^>]*?\ssrc=["']([^"']+)["']/gi)].map(
    (match) => match[1] ?? '',
  )
  return [post.feature_image ?? '', ...sources].filter((url) => url.includes(IMAGES))
}

async function localFile(mediaDir: string, path: string): Promise<string | undefined> {
  const root = resolve(mediaDir)
  const file = resolve(join(root, path))
  if (!file.startsWith(root + sep) || !IMAGE_EXTENSIONS.has(extname(file).toLowerCase()))
    return undefined
  return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined
}

/**
 * Uploads each image the posts show that is found in `mediaDir` (a copy of Ghost's
 * `content/images`), once: a second run finds its import record. Runs before the posts' own
 * transactions, as the uploader writes through the database itself.
 */
export async function importGhostMedia(scope: {
  db: Kysely<Database>
  posts: GhostPost[]
  mediaDir: string
  uploader: MediaUploader
  language: string
  report: ImportReport
  now: Date
}): Promise<GhostMedia> {
  const byPath = new Map<string, number>()
  for (const url of new Set(scope.posts.flatMap(imageUrls))) {
    const path = ghostImagePath(url)
    if (!path || byPath.has(path)) continue
    const key = {
      origin: 'ghost' as const,
      kind: 'media' as const,
      externalId: `ghost#image:${path}`,
    }
    const record = await findImportRecord(scope.db, key)
    if (record?.entityId) {
      byPath.set(path, record.entityId)
      continue
    }
    const file = await localFile(scope.mediaDir, path)
    if (!file) continue
    try {
      const item = await scope.uploader.upload(
        { actor: systemActor, ipAddress: null },
        { stream: createReadStream(file), filename: path },
      )
      await saveImportRecord(
        scope.db,
        { ...key, guid: '', entityId: item.id, remoteUrl: null },
        scope.now,
      )
      tally(scope.report.imported, 'media')
      byPath.set(path, item.id)
    } catch (error) {
      scope.report.failed.push({
        item: `image ${path}`,
        reason: error instanceof Error ? error.message : String(error),
      })
    }
  }
  const items = await findMediaByIds(scope.db, [...byPath.values()])
  const itemOf = (url: string): MediaItem | undefined => {
    const path = ghostImagePath(url)
    return path ? items.get(byPath.get(path) ?? 0) : undefined
  }
  return {
    htmlOf: (post) => withOrigin(ghostPostHtml(post)),
    resolveImage(image) {
      const item = itemOf(image.src)
      if (!item) return undefined
      const caption = image.caption || item.caption[scope.language]
      return {
        mediaId: item.id,
        src: mediaPath(item.storageKey),
        alt: image.alt || item.alt[scope.language] || '',
        ...(caption && { caption }),
        ...((image.credit ?? item.credit) && { credit: image.credit ?? item.credit ?? '' }),
        width: item.width,
        height: item.height,
      }
    },
    mediaIdOf: (url) => (url ? itemOf(url)?.id : undefined),
  }
}
