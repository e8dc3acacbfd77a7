import type { z } from 'zod'
import type { MediaItem } from './media-queries.js'
import type { MEDIA_VIEW } from './media-responses.js'
import { mediaPath } from './responsive-image.js'

const mediaUrl = mediaPath

/** A media item as the newsroom API shows it (camelCase, URLs instead of storage keys). */
export function serializeMedia(item: MediaItem): z.input<typeof MEDIA_VIEW> {
  return {
    id: item.id,
    url: mediaUrl(item.storageKey),
    filename: item.originalFilename,
    mimeType: item.mimeType,
    sizeBytes: item.sizeBytes,
    width: item.width,
    height: item.height,
    alt: item.alt,
    caption: item.caption,
    /** The credit of every language without its own form in `creditByLanguage`. */
    credit: item.credit,
    creditByLanguage: item.creditByLanguage,
    copyright: item.copyright,
    focalPoint: { x: item.focalX, y: item.focalY },
    dominantColor: item.dominantColor,
    /** Null while the variant job has not run yet; the original is served meanwhile. */
    variants:
      item.variants?.files.map((file) => ({
        shape: file.shape,
        format: file.format,
        width: file.width,
        height: file.height,
        url: mediaUrl(file.key),
      })) ?? null,
    createdAt: item.createdAt,
  }
}
