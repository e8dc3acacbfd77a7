import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { systemActor } from '../../modules/access/actor.js'
import type { ImageNode } from '../../modules/articles/document/article-document.js'
import type { ImageSource } from '../../modules/articles/document/html-to-document.js'
import { findMediaByIds } from '../../modules/media/media-queries.js'
import type { MediaUploader } from '../../modules/media/media-upload.js'
import { mediaPath } from '../../modules/media/responsive-image.js'
import { listImportRecords, saveImportRecord } from '../../modules/imports/import-records.js'
import { tally, type ImportReport } from '../import-report.js'
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
}

async function upload(scope: MediaScope, attachment: WxrAttachment): Promise<number | undefined> {
  const { uploader, mediaDir } = scope
  if (!uploader || !mediaDir) return undefined
  if (!IMAGE_EXTENSIONS.has(extname(attachment.file).toLowerCase())) return undefined
  const path = await localFile(mediaDir, attachment.file)
  if (!path) return undefined
  try {
    const text = (value: string) => (value ? { [scope.language]: value } : undefined)
    const item = await uploader.upload(
      { actor: systemActor, ipAddress: null },
      {
        stream: createReadStream(path),
        filename: attachment.file,
        alt: text(attachment.alt),
        caption: text(attachment.caption),
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

/**
 * Brings in the attachments: an image found in the media folder becomes a media item (once: a
 * second run finds its record); any other is recorded with its remote URL and listed in the report.
 * Answers how content images and featured images find their media.
 */
export async function importWordPressMedia(
  scope: MediaScope,
  attachments: WxrAttachment[],
): Promise<ImportedMedia> {
  const records = await listImportRecords(scope.db, {
    origin: 'wordpress',
    kind: 'media',
    site: scope.site,
  })
  const byAttachment = new Map<number, number>()
  for (const attachment of attachments) {
    const externalId = `${scope.site}#${attachment.postId}`
    const record = records.get(externalId)
    let mediaId = record?.entityId ?? undefined
    if (!mediaId) {
      mediaId = await upload(scope, attachment)
      if (!record) tally(scope.report.imported, 'attachments')
      if (mediaId) tally(scope.report.imported, 'media')
      else scope.report.remoteMedia.push(attachment.url)
      await saveImportRecord(
        scope.db,
        {
          origin: 'wordpress',
          kind: 'media',
          externalId,
          guid: '',
          entityId: mediaId ?? null,
          remoteUrl: mediaId ? null : attachment.url,
        },
        scope.now,
      )
    }
    if (mediaId) byAttachment.set(attachment.postId, mediaId)
  }
  const items = await findMediaByIds(scope.db, [...byAttachment.values()])
  const byUrl = new Map<string, number>()
  for (const attachment of attachments) {
    const mediaId = byAttachment.get(attachment.postId)
    if (mediaId) byUrl.set(mediaUrlKey(attachment.url), mediaId)
  }
  return {
    byAttachment,
    resolveImage(image) {
      const item = items.get(byUrl.get(mediaUrlKey(image.src)) ?? 0)
      if (!item) return undefined
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
