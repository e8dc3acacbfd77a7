import { Readable } from 'node:stream'
import { systemActor } from '../../modules/access/actor.js'
import type { MediaItem } from '../../modules/media/media-queries.js'
import type { MediaUploader } from '../../modules/media/media-upload.js'
import type { LocalizedText } from '../../platform/localized-text.js'
import type { ImportProgress } from '../import-progress.js'
import { downloadRemoteFile, type DownloadOptions } from './download-remote-file.js'

/** How an import downloads the old site's files: the guards, and how many at a time. */
export interface RemoteMediaOptions extends DownloadOptions {
  uploader: MediaUploader
  /** Downloads at a time. Default 4. */
  concurrency?: number
  /** Called as files finish: how many are done of how many. */
  onProgress?: (done: number, total: number) => void
}

/** How an import's `--fetch-media` downloads: the guards and the concurrency, no uploader yet. */
export type FetchMediaOptions = Omit<RemoteMediaOptions, 'uploader' | 'onProgress'>

/**
 * The `fetch` part of an importer's media options for `--fetch-media` (none without it), its
 * files reported as the import's 'fetching' phase.
 */
export function fetchWithProgress(
  fetchMedia: FetchMediaOptions | undefined,
  onProgress: ((progress: ImportProgress) => void) | undefined,
) {
  if (!fetchMedia) return {}
  return {
    fetch: {
      ...fetchMedia,
      onProgress: (files: number, totalFiles: number) =>
        onProgress?.({ phase: 'fetching', files, totalFiles }),
    },
  }
}

/** A file to bring in, with what the export says of it. */
export interface RemoteMediaRequest {
  url: string
  filename: string
  alt?: LocalizedText
  caption?: LocalizedText
}

export type RemoteMediaResult = { item: MediaItem } | { reason: string }

/** The file name of a URL's path (`/2024/05/a%20b.jpg` → `a b.jpg`). */
export function remoteFilename(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'image'
  } catch {
    return 'image'
  }
}

/**
 * Downloads each file (a few at a time) and stores it through the media pipeline, which checks,
 * cleans and records it as any upload. Answers, by URL, the media item or why there is none;
 * one file's failure never stops the others.
 */
export async function fetchRemoteMedia(
  requests: RemoteMediaRequest[],
  options: RemoteMediaOptions,
): Promise<Map<string, RemoteMediaResult>> {
  const results = new Map<string, RemoteMediaResult>()
  const queue = [...requests]
  let done = 0
  const bringIn = async (request: RemoteMediaRequest): Promise<RemoteMediaResult> => {
    try {
      const bytes = await downloadRemoteFile(request.url, options)
      const item = await options.uploader.upload(
        { actor: systemActor, ipAddress: null },
        {
          stream: Readable.from([bytes]),
          filename: request.filename,
          ...(request.alt && { alt: request.alt }),
          ...(request.caption && { caption: request.caption }),
        },
      )
      return { item }
    } catch (error) {
      return { reason: error instanceof Error ? error.message : String(error) }
    }
  }
  const worker = async () => {
    for (let request = queue.shift(); request; request = queue.shift()) {
      results.set(request.url, await bringIn(request))
      done += 1
      options.onProgress?.(done, requests.length)
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, requests.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}
