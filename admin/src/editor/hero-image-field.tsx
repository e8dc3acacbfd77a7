import { useEffect, useState } from 'react'
import { getMedia, thumbnailOf, type MediaItem } from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import { describeMedia } from '../media/media-grid.js'
import { MediaPicker } from '../media/media-picker.js'

/** The article's main image: a thumbnail of the chosen one, and buttons to choose or remove it. */
export function HeroImageField({
  mediaId,
  language,
  onChange,
}: {
  mediaId: number | null
  language: string
  onChange: (mediaId: number | null) => void
}) {
  const { t } = useI18n()
  const [item, setItem] = useState<MediaItem | undefined>()
  const [isPicking, setPicking] = useState(false)
  useEffect(() => {
    if (mediaId === null) return setItem(undefined)
    if (item?.id === mediaId) return
    getMedia(mediaId).then(setItem, () => setItem(undefined))
  }, [mediaId, item?.id])
  return (
    <fieldset className="hero-image">
      <legend>{t('heroImage')}</legend>
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
        <p className="hint">{t('heroNone')}</p>
      )}
      <div className="hero-actions">
        <button type="button" className="button secondary" onClick={() => setPicking(true)}>
          {mediaId === null ? t('heroChoose') : t('heroChange')}
        </button>
        {mediaId !== null && (
          <button type="button" className="button secondary small" onClick={() => onChange(null)}>
            {t('heroRemove')}
          </button>
        )}
      </div>
      {isPicking && (
        <MediaPicker
          initial={item ? [item] : []}
          onPick={([picked]) => {
            setPicking(false)
            if (!picked) return
            setItem(picked)
            onChange(picked.id)
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </fieldset>
  )
}
