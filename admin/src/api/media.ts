import { ApiError, NETWORK_FAILURE, parseErrorBody } from './api-error.js'
import { adminUrl, api, csrfHeaders } from './client.js'
import type { BodyOf, Gallery, MediaItem, MediaPage, MediaUsage } from './types.js'

export type { Gallery, MediaItem, MediaPage, MediaUsage }

/** The changes `PATCH /api/admin/media/:id` takes; an empty per-language credit removes it. */
export type MediaChanges = BodyOf<'patchApiAdminMediaId'>

/** The file types the server takes, for the file picker's `accept`. */
export const ACCEPTED_IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif'

export const listMedia = (query: { q?: string; type?: string; page?: number; pageSize?: number }) =>
  api<MediaPage>('GET', 'media', { query })
export const getMedia = (id: number) => api<MediaItem>('GET', `media/${id}`)
export const updateMedia = (id: number, changes: MediaChanges) =>
  api<MediaItem>('PATCH', `media/${id}`, { body: changes })
export const deleteMedia = (id: number) => api<undefined>('DELETE', `media/${id}`)
export const mediaUsage = (id: number) =>
  api<{ usage: MediaUsage[] }>('GET', `media/${id}/usage`).then((answer) => answer.usage)

/** The smallest variant at least `width` wide (any shape `full`), else the original. */
export function thumbnailOf(item: MediaItem, width = 320): string {
  const candidates = (item.variants ?? [])
    .filter((variant) => variant.shape === 'full' && variant.format !== 'avif')
    .sort((a, b) => a.width - b.width)
  return (
    (candidates.find((variant) => variant.width >= width) ?? candidates.at(-1))?.url ?? item.url
  )
}

/**
 * Uploads one file as multipart `file`, reporting progress as a fraction (0–1). XMLHttpRequest,
 * since fetch reports no upload progress. Rejects with ApiError carrying the server's errors.
 */
export function uploadMedia(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<MediaItem> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', adminUrl('media'))
    request.responseType = 'json'
    for (const [name, value] of Object.entries(csrfHeaders())) request.setRequestHeader(name, value)
    request.setRequestHeader('accept', 'application/json')
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    request.onload = () => {
      if (request.status === 201) resolve(request.response as MediaItem)
      else reject(new ApiError(request.status, parseErrorBody(request.response)))
    }
    const failed = () =>
      reject(new ApiError(NETWORK_FAILURE, [{ code: 'NETWORK_FAILURE', message: 'unreachable' }]))
    request.onerror = failed
    request.onabort = failed
    signal?.addEventListener('abort', () => request.abort())
    const form = new FormData()
    form.append('file', file)
    request.send(form)
  })
}

type GalleryItemInput = Pick<Gallery['items'][number], 'mediaId' | 'caption' | 'credit'>

export const getGallery = (id: number) => api<Gallery>('GET', `galleries/${id}`)
export const createGallery = (title: Record<string, string>, items: GalleryItemInput[]) =>
  api<Gallery>('POST', 'galleries', { body: { title, items } })
export const updateGalleryItems = (id: number, items: GalleryItemInput[]) =>
  api<Gallery>('PATCH', `galleries/${id}`, { body: { items } })

/** The attributes of a body image block for a library item, its texts in the article's language. */
export function imageBlockAttrs(item: MediaItem, language: string) {
  return {
    mediaId: item.id,
    src: item.url,
    alt: item.alt[language] ?? '',
    caption: item.caption[language] || null,
    credit: item.credit || null,
    width: item.width,
    height: item.height,
  }
}
