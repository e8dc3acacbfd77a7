import { useCallback, useState } from 'react'
import { uploadMedia, type MediaItem } from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import { uploadErrorMessage } from './upload-errors.js'

/** One file on its way to the library. */
export interface Upload {
  key: string
  name: string
  /** 0–1. */
  progress: number
  state: 'uploading' | 'done' | 'failed'
  error?: string
}

let nextKey = 0

/**
 * Uploads files one after another (the server decodes two at a time; a newsroom's connection is
 * the limit), tracking each file's progress and error; calls `onUploaded` with each new item.
 */
export function useUploads(onUploaded: (item: MediaItem) => void) {
  const { t } = useI18n()
  const [uploads, setUploads] = useState<Upload[]>([])
  const patch = (key: string, changes: Partial<Upload>) =>
    setUploads((list) =>
      list.map((upload) => (upload.key === key ? { ...upload, ...changes } : upload)),
    )

  const start = useCallback(
    async (files: readonly File[]) => {
      const queued = files.map((file) => ({ file, key: `upload-${nextKey++}` }))
      setUploads((list) => [
        ...list,
        ...queued.map(({ file, key }) => ({
          key,
          name: file.name,
          progress: 0,
          state: 'uploading' as const,
        })),
      ])
      for (const { file, key } of queued) {
        try {
          const item = await uploadMedia(file, (progress) => patch(key, { progress }))
          patch(key, { progress: 1, state: 'done' })
          onUploaded(item)
        } catch (error) {
          patch(key, { state: 'failed', error: uploadErrorMessage(error, file.name, t) })
        }
      }
    },
    [onUploaded, t],
  )
  const clearFinished = useCallback(
    () => setUploads((list) => list.filter((upload) => upload.state === 'uploading')),
    [],
  )
  return { uploads, start, clearFinished }
}
