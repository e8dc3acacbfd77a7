import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { systemActor } from '../../modules/access/actor.js'
import type { ImageNode } from '../../modules/articles/document/article-document.js'
import type { ImageSource } from '../../modules/articles/document/html-to-document.js'
import { findMediaByIds, updateMediaItem } from '../../modules/media/media-queries.js'
import type { MediaUploader } from '../../modules/media/media-upload.js'
import { mediaPath } from '../../modules/media/responsive-image.js'
import { listImportRecords, saveImportRecord } from '../../modules/imports/import-records.js'
import { tally, type ImportReport } from '../import-report.js'
import {
  fetchRemoteMedia,
  remoteFilename,
  type RemoteMediaOptions,
  type RemoteMediaRequest,
} from '../remote-media/fetch-remote-media.js'
import { remoteImage } from '../remote-media/remote-image.js'
import { childText, type XmlNode } from '../xml-records.js'
import type { WxrItem } from './wxr-records.js'

/** An attachment of the export: a file uploaded to the WordPress site. */
export interface WxrAttachment {
  postId: number
  parent: number
  url: string
  guid: string
  /** The path under `wp-content/uploads`, from `_wp_attached_file` or the URL. */
  file: string
  title: string
  alt: string
  caption: string
  /** The credit WordPress read from the file (`image_meta` of `_wp_attachment_metadata`). */
  credit: string
}

/** An `<img>` of a post's body: where it is and what it shows. */
export interface BodyImage {
  src: string
  alt: string
}

/** What body images and hero images resolve to. */
export interface ImportedMedia {
  byAttachment: Map<number, number>
  resolveImage: (image: ImageSource) => ImageNode['attrs'] | undefined
}

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif'])

/** A URL without scheme, query and WordPress's size suffix (`-300x200`), to match copies of it. */
export function mediaUrlKey(url: string): string {
  try {
    const parsed = new URL(url, 'https://invalid.invalid')
    const path = decodeURI(parsed.pathname).replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1')
    return `${parsed.host.toLowerCase()}${path}`
  } catch {
    return url
  }
}

/** The path of an attachment under the uploads folder. */
function uploadsPath(url: string, attachedFile: string): string {
  if (attachedFile) return attachedFile
  try {
    const path = decodeURI(new URL(url).pathname)
    const uploads = path.indexOf('/uploads/')
    return uploads >= 0 ? path.slice(uploads + '/uploads/'.length) : path.replace(/^\/+/, '')
  } catch {
    return ''
  }
}

/**
 * The `credit` of `image_meta` in PHP-serialised attachment metadata
 * (`s:6:"credit";s:3:"AFP";`): the length counts UTF-8 bytes, so the value is cut by bytes.
 */
export function serialisedCredit(metadata: string): string {
  const match = /s:6:"credit";s:(\d+):"/.exec(metadata)
  if (!match) return ''
  const bytes = Buffer.from(metadata.slice(match.index + match[0].length), 'utf8')
  return bytes.subarray(0, Number(match[1])).toString('utf8').trim()
}

/** The images of a post's HTML, for `--fetch-media` to bring in before the posts. */
export function bodyImagesOf(html: string): BodyImage[] {
  return [...html.matchAll(/<img\b[^>]*>/gi)].flatMap(([tag]) => {
    const src = /\ssrc=["']([^"']+)["']/i.exec(tag)?.[1]
    const alt = /\salt=["']([^"']*)["']/i.exec(tag)?.[1] ?? ''
    return src && /^https?:\/\//i.test(src) ? [{ src, alt }] : []
  })
}

export function toAttachment(item: WxrItem, node: XmlNode): WxrAttachment {
  const url = item.attachmentUrl || item.guid
  return {
    postId: item.postId,
    parent: item.postParent,
    url,
    guid: item.guid,
    file: uploadsPath(url, item.meta.get('_wp_attached_file')?.trim() ?? ''),
    title: item.title,
    alt: item.meta.get('_wp_attachment_image_alt')?.trim() ?? '',
    caption: childText(node, 'excerpt:encoded').trim(),
    credit: serialisedCredit(item.meta.get('_wp_attachment_metadata') ?? ''),
  }
}

/** The file of an attachment in the media folder, when it is there (and inside it). */
async function localFile(mediaDir: string, file: string): Promise<string | undefined> {
  const root = resolve(mediaDir)
  const path = resolve(join(root, file))
  if (!file || !path.startsWith(root + sep)) return undefined
  return (await stat(path).catch(() => undefined))?.isFile() ? path : undefined
}

interface MediaScope {
  db: Kysely<Database>
  site: string
  language: string
  now: Date
  report: ImportReport
  /** Absent: nothing is uploaded (no media folder, or a dry run). */
  uploader?: MediaUploader
  mediaDir?: string
  /** Download what the media folder does not have from the old site (`--fetch-media`). */
  fetch?: Omit<RemoteMediaOptions, 'uploader'>
}

function isImage(attachment: WxrAttachment): boolean {
  return IMAGE_EXTENSIONS.has(extname(attachment.file).toLowerCase())
}

const localized = (language: string, value: string) => (value ? { [language]: value } : undefined)

async function uploadLocal(
  scope: MediaScope,
  attachment: WxrAttachment,
): Promise<number | undefined> {
  const { uploader, mediaDir } = scope
  if (!uploader || !mediaDir || !isImage(attachment)) return undefined
  const path = await localFile(mediaDir, attachment.file)
  if (!path) return undefined
  try {
    const item = await uploader.upload(
      { actor: systemActor, ipAddress: null },
      {
        stream: createReadStream(path),
        filename: attachment.file,
        alt: localized(scope.language, attachment.alt),
        caption: localized(scope.language, attachment.caption),
      },
    )
    return item.id
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    scope.report.failed.push({
      item: `attachment ${attachment.postId} (${attachment.file})`,
      reason,
    })
    return undefined
  }
}

/** What an attachment or a body image becomes: a media item, or a remote reference. */
interface MediaRecord {
  externalId: string
  url: string
  isNew: boolean
  mediaId: number | undefined
}

async function saveMediaRecord(scope: MediaScope, record: MediaRecord) {
  const { externalId, url, mediaId } = record
  await saveImportRecord(
    scope.db,
    {
      origin: 'wordpress',
      kind: 'media',
      externalId,
      guid: '',
      entityId: mediaId ?? null,
      remoteUrl: mediaId ? null : url,
    },
    scope.now,
  )
}

/**
 * Downloads the files the media folder did not give (`--fetch-media`), all at once a few at a
 * time, and answers their media ids by URL; a failure is a report line, the URL kept.
 */
async function fetchMissing(
  scope: MediaScope,
  requests: RemoteMediaRequest[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  if (!scope.fetch || !scope.uploader || !requests.length) return ids
  const results = await fetchRemoteMedia(requests, { ...scope.fetch, uploader: scope.uploader })
  for (const [url, result] of results) {
    if ('item' in result) ids.set(url, result.item.id)
    else scope.report.unfetchedMedia.push({ url, reason: result.reason })
  }
  return ids
}

/** Gives a media item the attachment's credit when the file carried none of its own. */
async function applyCredit(
  scope: MediaScope,
  attachments: WxrAttachment[],
  ids: Map<number, number>,
) {
  const credited = attachments.filter(
    (attachment) => attachment.credit && ids.has(attachment.postId),
  )
  const items = await findMediaByIds(
    scope.db,
    credited.map((a) => ids.get(a.postId) ?? 0),
  )
  for (const attachment of credited) {
    const item = items.get(ids.get(attachment.postId) ?? 0)
    if (item && !item.credit)
      await updateMediaItem(scope.db, item.id, { credit: attachment.credit })
  }
}

/** The attachments: from the media folder, else downloaded, else remote references. */
async function importAttachments(
  scope: MediaScope,
  attachments: WxrAttachment[],
  recordIds: Map<string, number | null>,
): Promise<Map<number, number>> {
  const byAttachment = new Map<number, number>()
  const missing: { attachment: WxrAttachment; record: MediaRecord }[] = []
  for (const attachment of attachments) {
    const externalId = `${scope.site}#${attachment.postId}`
    const recorded = recordIds.get(externalId)
    if (recorded) {
      byAttachment.set(attachment.postId, recorded)
      continue
    }
    const mediaId = await uploadLocal(scope, attachment)
    const record = { externalId, url: attachment.url, isNew: recorded === undefined, mediaId }
    missing.push({ attachment, record })
  }
  const fetched = await fetchMissing(
    scope,
    missing
      .filter(({ attachment, record }) => !record.mediaId && isImage(attachment))
      .map(({ attachment }) => ({
        url: attachment.url,
        filename: remoteFilename(attachment.url),
        ...(attachment.alt && { alt: { [scope.language]: attachment.alt } }),
        ...(attachment.caption && { caption: { [scope.language]: attachment.caption } }),
      })),
  )
  for (const { attachment, record } of missing) {
    record.mediaId ??= fetched.get(attachment.url)
    if (record.isNew) tally(scope.report.imported, 'attachments')
    if (record.mediaId) {
      tally(scope.report.imported, 'media')
      byAttachment.set(attachment.postId, record.mediaId)
    } else scope.report.remoteMedia.push(attachment.url)
    await saveMediaRecord(scope, record)
  }
  const made = missing.filter(({ record }) => record.mediaId).map(({ attachment }) => attachment)
  await applyCredit(scope, made, byAttachment)
  return byAttachment
}

/**
 * Body images that are no attachment of the export (another host, a deleted attachment), brought
 * in with `--fetch-media`: once each (a second run finds its record), by their URL without the
 * size suffix. Answers their media ids by that key.
 */
async function importBodyImages(
  scope: MediaScope,
  images: BodyImage[],
  known: Set<string>,
  recordIds: Map<string, number | null>,
): Promise<Map<string, number>> {
  const byKey = new Map<string, number>()
  const wanted = new Map<string, BodyImage>()
  for (const image of images) {
    const key = mediaUrlKey(image.src)
    if (known.has(key) || wanted.has(key) || byKey.has(key)) continue
    const recorded = recordIds.get(`${scope.site}#url:${key}`)
    if (recorded) byKey.set(key, recorded)
    else wanted.set(key, image)
  }
  if (!scope.fetch) return byKey
  const fetched = await fetchMissing(
    scope,
    [...wanted.values()].map(({ src, alt }) => ({
      url: src,
      filename: remoteFilename(src),
      ...(alt && { alt: { [scope.language]: alt } }),
    })),
  )
  for (const [key, image] of wanted) {
    const mediaId = fetched.get(image.src)
    if (!mediaId) continue
    tally(scope.report.imported, 'media')
    byKey.set(key, mediaId)
    const externalId = `${scope.site}#url:${key}`
    await saveMediaRecord(scope, { externalId, url: image.src, isNew: true, mediaId })
  }
  return byKey
}

/**
 * Brings in the attachments: an image found in the media folder, or downloaded from the old site
 * with `--fetch-media`, becomes a media item (once: a second run finds its record); any other is
 * recorded with its remote URL and listed in the report. With `--fetch-media` the body images
 * that are no attachment are downloaded too. Answers how content images and featured images find
 * their media; a body image without one is kept at its remote URL.
 */
export async function importWordPressMedia(
  scope: MediaScope,
  input: { attachments: WxrAttachment[]; bodyImages: BodyImage[] },
): Promise<ImportedMedia> {
  const { attachments } = input
  const records = await listImportRecords(scope.db, {
    origin: 'wordpress',
    kind: 'media',
    site: scope.site,
  })
  const recordIds = new Map(
    [...records].map(([externalId, record]) => [externalId, record.entityId ?? null]),
  )
  const byAttachment = await importAttachments(scope, attachments, recordIds)
  const byUrl = new Map<string, number>()
  for (const attachment of attachments) {
    const mediaId = byAttachment.get(attachment.postId)
    if (mediaId) byUrl.set(mediaUrlKey(attachment.url), mediaId)
  }
  const known = new Set(attachments.filter((a) => isImage(a)).map((a) => mediaUrlKey(a.url)))
  const bodyMedia = await importBodyImages(scope, input.bodyImages, known, recordIds)
  for (const [key, mediaId] of bodyMedia) byUrl.set(key, mediaId)
  const items = await findMediaByIds(scope.db, [...new Set(byUrl.values())])
  return {
    byAttachment,
    resolveImage(image) {
      const item = items.get(byUrl.get(mediaUrlKey(image.src)) ?? 0)
      if (!item) return remoteImage(image)
      const alt = image.alt || item.alt[scope.language] || ''
      const caption = image.caption || item.caption[scope.language]
      return {
        mediaId: item.id,
        src: mediaPath(item.storageKey),
        alt,
        ...(caption && { caption }),
        ...((image.credit ?? item.credit) && { credit: image.credit ?? item.credit ?? '' }),
        width: item.width,
        height: item.height,
      }
    },
  }
}
