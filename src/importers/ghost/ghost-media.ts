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
import {
  fetchRemoteMedia,
  remoteFilename,
  type FetchMediaOptions,
} from '../remote-media/fetch-remote-media.js'
import { remoteImage } from '../remote-media/remote-image.js'
import { ghostPostHtml } from './ghost-content.js'
import type { GhostPost } from './ghost-export.js'

/** An origin for Ghost's `__GHOST_URL__` placeholder when the site's URL is not known. */
const PLACEHOLDER_ORIGIN = 'https://ghost-site.invalid'
const IMAGES = '/content/images/'
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif'])
const RESIZED = /\/content\/images\/size\/w\d+(?:h\d+)?\/(?:format\/[a-z]+\/)?/

/** What body and feature images resolve to. */
export interface GhostMedia {
  /** The post's HTML with Ghost's URL placeholder in image sources made absolute. */
  htmlOf: (post: GhostPost) => string
  /** A media item's image, else the image kept at its remote URL (none for a placeholder one). */
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

/** Ghost's `__GHOST_URL__` made the site's URL (or the placeholder origin). */
function absoluteUrl(url: string, origin: string): string {
  return url.replace(/^__GHOST_URL__/, origin)
}

function withOrigin(html: string, origin: string): string {
  return html.replace(/(<img\b[^>]*?\ssrc=["'])__GHOST_URL__/gi, `$1${origin}`)
}

/** The image URLs a post shows: its feature image and the sources of its `<img>` elements. */
function imageUrls(post: GhostPost, origin: string): string[] {
  const sources = [...ghostPostHtml(post).matchAll(/<img\b[^>]*?\ssrc=["']([^"']+)["']/gi)].map(
    (match) => match[1] ?? '',
  )
  return [post.feature_image ?? '', ...sources]
    .map((url) => absoluteUrl(url, origin))
    .filter((url) => /^https?:\/\//i.test(url))
}

async function localFile(mediaDir: string, path: string): Promise<string | undefined> {
  const root = resolve(mediaDir)
  const file = resolve(join(root, path))
  if (!file.startsWith(root + sep) || !IMAGE_EXTENSIONS.has(extname(file).toLowerCase()))
    return undefined
  return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined
}

export interface GhostMediaScope {
  db: Kysely<Database>
  posts: GhostPost[]
  /** The site's URL, for `__GHOST_URL__`; absent, such images can only come from `mediaDir`. */
  siteUrl?: string
  /** A copy of Ghost's `content/images`. */
  mediaDir?: string
  /** Download what `mediaDir` does not have (`--fetch-media`). */
  fetch?: FetchMediaOptions & { onProgress?: (done: number, total: number) => void }
  /** Absent: nothing is brought in (a dry run), images stay remote. */
  uploader?: MediaUploader
  language: string
  report: ImportReport
  now: Date
}

/** One image a post shows: its import record's key and where to download it. */
interface WantedImage {
  externalId: string
  url: string
  path: string | undefined
}

/** The images the posts show, once each: by file under `content/images`, else by URL. */
function wantedImages(scope: GhostMediaScope, origin: string): WantedImage[] {
  const byId = new Map<string, WantedImage>()
  for (const url of scope.posts.flatMap((post) => imageUrls(post, origin))) {
    const path = ghostImagePath(url)
    const externalId = path ? `ghost#image:${path}` : `ghost#image-url:${url}`
    // The original rather than a resized copy.
    if (!byId.has(externalId))
      byId.set(externalId, { externalId, url: url.replace(RESIZED, IMAGES), path })
  }
  return [...byId.values()]
}

async function uploadLocal(
  scope: GhostMediaScope,
  image: WantedImage,
): Promise<number | undefined> {
  if (!scope.mediaDir || !scope.uploader || !image.path) return undefined
  const file = await localFile(scope.mediaDir, image.path)
  if (!file) return undefined
  try {
    const item = await scope.uploader.upload(
      { actor: systemActor, ipAddress: null },
      { stream: createReadStream(file), filename: image.path },
    )
    return item.id
  } catch (error) {
    scope.report.failed.push({
      item: `image ${image.path}`,
      reason: error instanceof Error ? error.message : String(error),
    })
    return undefined
  }
}

/** Downloads the images still without a file; a failure is a report line, the URL kept. */
async function fetchMissing(scope: GhostMediaScope, images: WantedImage[]) {
  const ids = new Map<string, number>()
  if (!scope.fetch || !scope.uploader || !images.length) return ids
  const requests = images
    .filter((image) => !new URL(image.url).hostname.endsWith('.invalid'))
    .map(({ url }) => ({ url, filename: remoteFilename(url) }))
  const results = await fetchRemoteMedia(requests, { ...scope.fetch, uploader: scope.uploader })
  for (const [url, result] of results) {
    if ('item' in result) ids.set(url, result.item.id)
    else scope.report.unfetchedMedia.push({ url, reason: result.reason })
  }
  return ids
}

/**
 * Brings in each image the posts show, once (a second run finds its import record): from
 * `mediaDir` (a copy of Ghost's `content/images`), else downloaded from the old site with
 * `--fetch-media`. Runs before the posts' own transactions, as the uploader writes through the
 * database itself. An image without a file is kept in the body at its remote URL.
 */
export async function importGhostMedia(scope: GhostMediaScope): Promise<GhostMedia> {
  const origin = (scope.siteUrl ?? PLACEHOLDER_ORIGIN).replace(/\/+$/, '')
  const byId = new Map<string, number>()
  const missing: WantedImage[] = []
  for (const image of wantedImages(scope, origin)) {
    const key = { origin: 'ghost' as const, kind: 'media' as const, externalId: image.externalId }
    const record = await findImportRecord(scope.db, key)
    const mediaId = record?.entityId ?? (await uploadLocal(scope, image))
    if (!mediaId) {
      missing.push(image)
      continue
    }
    byId.set(image.externalId, mediaId)
    if (record?.entityId) continue
    tally(scope.report.imported, 'media')
    await saveImportRecord(
      scope.db,
      { ...key, guid: '', entityId: mediaId, remoteUrl: null },
      scope.now,
    )
  }
  const fetched = await fetchMissing(scope, missing)
  for (const image of missing) {
    const mediaId = fetched.get(image.url)
    if (!mediaId) continue
    byId.set(image.externalId, mediaId)
    tally(scope.report.imported, 'media')
    const key = { origin: 'ghost' as const, kind: 'media' as const, externalId: image.externalId }
    await saveImportRecord(
      scope.db,
      { ...key, guid: '', entityId: mediaId, remoteUrl: null },
      scope.now,
    )
  }
  const items = await findMediaByIds(scope.db, [...byId.values()])
  const itemOf = (url: string): MediaItem | undefined => {
    const absolute = absoluteUrl(url, origin)
    const path = ghostImagePath(absolute)
    const externalId = path ? `ghost#image:${path}` : `ghost#image-url:${absolute}`
    return items.get(byId.get(externalId) ?? 0)
  }
  return {
    htmlOf: (post) => withOrigin(ghostPostHtml(post), origin),
    resolveImage(image) {
      const item = itemOf(image.src)
      if (!item) return image.src.startsWith(PLACEHOLDER_ORIGIN) ? undefined : remoteImage(image)
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
