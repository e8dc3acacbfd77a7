import { useId, useState } from 'react'
import type { DragEvent } from 'react'
import { ACCEPTED_IMAGE_TYPES, type MediaItem } from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import { useUploads } from './use-uploads.js'

/** Files dropped on the zone or chosen with the picker, uploaded with a progress bar each. */
export function UploadZone({ onUploaded }: { onUploaded: (item: MediaItem) => void }) {
  const { t } = useI18n()
  const inputId = useId()
  const hintId = useId()
  const [isOver, setOver] = useState(false)
  const { uploads, start, clearFinished } = useUploads(onUploaded)
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    if (event.dataTransfer.files.length) void start([...event.dataTransfer.files])
  }
  return (
    <div className="upload">
      <div
        className={isOver ? 'upload-zone is-over' : 'upload-zone'}
        onDragOver={(event) => {
          event.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span>{t('uploadDrop')} </span>
        <label htmlFor={inputId} className="button secondary">
          {t('uploadChoose')}
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          multiple
          accept={ACCEPTED_IMAGE_TYPES}
          aria-describedby={hintId}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])]
            event.target.value = ''
            if (files.length) void start(files)
          }}
        />
        <p className="hint" id={hintId}>
          {t('uploadHint')}
        </p>
      </div>
      {uploads.length > 0 && (
        <div className="upload-list">
          <ul aria-label={t('uploadList')}>
            {uploads.map((upload) => (
              <li key={upload.key} className={`upload-item upload-${upload.state}`}>
                {upload.state === 'failed' ? (
                  <p role="alert" className="field-error">
                    {upload.error}
                  </p>
                ) : (
                  <>
                    <span dir="auto">
                      {upload.state === 'done'
                        ? t('uploadDone', { name: upload.name })
                        : t('uploadProgress', {
                            name: upload.name,
                            percent: Math.round(upload.progress * 100),
                          })}
                    </span>
                    <progress max={1} value={upload.progress} aria-label={upload.name} />
                  </>
                )}
              </li>
            ))}
          </ul>
          {uploads.some((upload) => upload.state !== 'uploading') && (
            <button type="button" className="button secondary small" onClick={clearFinished}>
              {t('uploadDismiss')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
