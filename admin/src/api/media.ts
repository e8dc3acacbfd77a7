import { ApiError, NETWORK_FAILURE, parseErrorBody } from './api-error.js'
import { adminUrl, api, csrfHeaders } from './client.js'

/** A media item as `GET /api/admin/media/:id` answers it. */
export interface MediaItem {
  id: number
  url: string
  filename: string
  mimeType: string
  sizeBytes: number
  width: number
  height: number
  alt: Record<string, string>
  caption: Record<string, string>
  /** The credit of every language without its own form in `creditByLanguage`. */
  credit: string | null
  creditByLanguage: Record<string, string>
  copyright: string | null
  focalPoint: { x: number; y: number }
  dominantColor: string | null
  variants: { shape: string; format: string; width: number; height: number; url: string }[] | null
  createdAt: string
}

export interface MediaPage {
  items: MediaItem[]
  total: number
  page: number
  pageSize: number
  pageCount: number
}

/** A place that shows a media item. */
export interface MediaUsage {
  kind: 'articleHero' | 'articleBody' | 'articleSeo' | 'pageBody' | 'gallery' | 'authorAvatar'
  id: number
  label: string
}

export interface MediaChanges {
  alt?: Record<string, string>
  caption?: Record<string, string>
  credit?: string | null
  /** Per-language credits; an empty one removes that language's form. */
  creditByLanguage?: Record<string, string>
  focalPoint?: { x: number; y: number }
}

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

/** A gallery as `GET /api/admin/galleries/:id` answers it. */
export interface Gallery {
  id: number
  title: Record<string, string>
  items: {
    mediaId: number
    position: number
    caption: Record<string, string> | null
    credit: string | null
  }[]
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
