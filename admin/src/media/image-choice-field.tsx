import { useEffect, useRef, useState } from 'react'
import type { FieldMessage } from '../api/field-errors.js'
import { getMedia, thumbnailOf, type MediaItem } from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import { describeMedia } from './media-grid.js'
import { MediaPicker } from './media-picker.js'

/**
 * One picture from the media library: a thumbnail of the chosen one, a button that opens the
 * picker ("Choose…" or "Change") and "Remove". `id` goes on the first button, so that a form can
 * focus the field when the API refuses its value.
 */
export function ImageChoiceField({
  id,
  className,
  legend,
  chooseLabel,
  noneText,
  hint,
  error,
  mediaId,
  language,
  disabled = false,
  onChange,
}: {
  id?: string
  className?: string
  legend: string
  chooseLabel: string
  noneText: string
  hint?: string
  error?: FieldMessage
  mediaId: number | null
  /** The language of the alt text shown under the thumbnail. */
  language: string
  disabled?: boolean
  onChange: (mediaId: number | null) => void
}) {
  const { t } = useI18n()
  const [item, setItem] = useState<MediaItem | undefined>()
  const [isPicking, setPicking] = useState(false)
  const chooseButton = useRef<HTMLButtonElement>(null)
  // The picker leaves the page when it closes, so focus comes back here rather than to <body>.
  const stopPicking = () => {
    setPicking(false)
    requestAnimationFrame(() => chooseButton.current?.focus())
  }
  useEffect(() => {
    if (mediaId === null) return setItem(undefined)
    if (item?.id === mediaId) return
    getMedia(mediaId).then(setItem, () => setItem(undefined))
  }, [mediaId, item?.id])
  const hintId = id && hint ? `${id}-hint` : undefined
  const errorId = id && error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  const classes = ['image-choice', className, error && 'has-error'].filter(Boolean).join(' ')
  return (
    <fieldset className={classes}>
      <legend>{legend}</legend>
      {item && mediaId !== null ? (
        <figure>
          <img
            src={thumbnailOf(item)}
            alt={describeMedia(item, language)}
            width={item.width}
            height={item.height}
          />
          <figcaption className="hint" dir="auto">
            {item.alt[language] || t('mediaNoAlt')}
          </figcaption>
        </figure>
      ) : (
        <p className="hint">
          {mediaId === null ? noneText : t('imageChoiceNumber', { id: mediaId })}
        </p>
      )}
      {!disabled && (
        <div className="image-choice-actions">
          <button
            type="button"
            id={id}
            ref={chooseButton}
            className="button secondary"
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onClick={() => setPicking(true)}
          >
            {mediaId === null ? chooseLabel : t('imageChoiceChange')}
          </button>
          {mediaId !== null && (
            <button type="button" className="button secondary small" onClick={() => onChange(null)}>
              {t('imageChoiceRemove')}
            </button>
          )}
        </div>
      )}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {'key' in error ? t(error.key) : error.text}
        </p>
      )}
      {isPicking && (
        <MediaPicker
          initial={item ? [item] : []}
          onPick={([picked]) => {
            stopPicking()
            if (!picked) return
            setItem(picked)
            onChange(picked.id)
          }}
          onClose={stopPicking}
        />
      )}
    </fieldset>
  )
}
