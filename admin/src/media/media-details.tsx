import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError } from '../api/api-error.js'
import {
  deleteMedia,
  mediaUsage,
  thumbnailOf,
  updateMedia,
  type MediaItem,
  type MediaUsage,
} from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import type { MessageKey } from '../i18n/messages.js'
import { Link } from '../router.js'
import { FocalPointPicker } from './focal-point-picker.js'

const USAGE_LABELS: Record<MediaUsage['kind'], MessageKey> = {
  articleHero: 'usageArticleHero',
  articleBody: 'usageArticleBody',
  articleSeo: 'usageArticleSeo',
  pageBody: 'usagePageBody',
  gallery: 'usageGallery',
  authorAvatar: 'usageAuthorAvatar',
}

interface Form {
  altEn: string
  altAr: string
  captionEn: string
  captionAr: string
  credit: string
  creditEn: string
  creditAr: string
  focalPoint: { x: number; y: number }
}

const formOf = (item: MediaItem): Form => ({
  altEn: item.alt['en'] ?? '',
  altAr: item.alt['ar'] ?? '',
  captionEn: item.caption['en'] ?? '',
  captionAr: item.caption['ar'] ?? '',
  credit: item.credit ?? '',
  creditEn: item.creditByLanguage['en'] ?? '',
  creditAr: item.creditByLanguage['ar'] ?? '',
  focalPoint: item.focalPoint,
})

type Notice = { kind: 'info' | 'error'; text: string } | undefined

/** One item of the library: its texts per language, credit, focal point, usage and delete. */
export function MediaDetails({
  item,
  onSaved,
  onDeleted,
  onClose,
}: {
  item: MediaItem
  onSaved: (item: MediaItem) => void
  onDeleted: (item: MediaItem) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const [form, setForm] = useState(() => formOf(item))
  const [usage, setUsage] = useState<MediaUsage[] | undefined>()
  const [notice, setNotice] = useState<Notice>()
  const [isBusy, setBusy] = useState(false)
  useEffect(() => {
    mediaUsage(item.id).then(setUsage, () => setUsage(undefined))
  }, [item.id])

  const set = (changes: Partial<Form>) => setForm((current) => ({ ...current, ...changes }))
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const saved = await updateMedia(item.id, {
        alt: { en: form.altEn, ar: form.altAr },
        caption: { en: form.captionEn, ar: form.captionAr },
        credit: form.credit.trim() || null,
        // An emptied language form goes, and that language shows the one credit again.
        creditByLanguage: { en: form.creditEn.trim(), ar: form.creditAr.trim() },
        focalPoint: form.focalPoint,
      })
      onSaved(saved)
      setNotice({ kind: 'info', text: t('mediaSaved') })
    } catch (error) {
      const message = error instanceof ApiError ? error.message : ''
      setNotice({ kind: 'error', text: `${t('mediaSaveFailed')} ${message}` })
    } finally {
      setBusy(false)
    }
  }
  const onDelete = async () => {
    if (!confirm(t('mediaDeleteConfirm', { name: item.filename }))) return
    setBusy(true)
    try {
      await deleteMedia(item.id)
      onDeleted(item)
    } catch (error) {
      const inUse = error instanceof ApiError && error.has('MEDIA_IN_USE')
      setNotice({ kind: 'error', text: inUse ? t('mediaDeleteInUse') : t('errorGeneric') })
      if (inUse) void mediaUsage(item.id).then(setUsage)
    } finally {
      setBusy(false)
    }
  }

  const text = (
    id: string,
    label: MessageKey,
    key: keyof Omit<Form, 'focalPoint'>,
    lang?: string,
  ) => (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      <input
        id={id}
        lang={lang}
        dir={lang === 'ar' ? 'rtl' : lang === 'en' ? 'ltr' : 'auto'}
        value={form[key]}
        maxLength={key.startsWith('credit') ? 300 : 1000}
        onChange={(event) => set({ [key]: event.target.value })}
      />
    </div>
  )
  return (
    <section className="media-details" aria-labelledby="media-details-title">
      <div className="media-details-head">
        <h2 id="media-details-title" dir="auto">
          {t('mediaDetails', { name: item.filename })}
        </h2>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('mediaClose')}
        </button>
      </div>
      {/* The size reads "width × height" in Arabic text too: an isolate (LRI…PDI) keeps its order. */}
      <p className="hint">
        {item.mimeType} · {t('mediaSize', { size: `\u2066${item.width} × ${item.height}\u2069` })}
      </p>
      <form onSubmit={(event) => void onSubmit(event)}>
        <FocalPointPicker
          src={thumbnailOf(item, 640)}
          width={item.width}
          height={item.height}
          value={form.focalPoint}
          onChange={(focalPoint) => set({ focalPoint })}
        />
        {text('media-alt-en', 'mediaAltEn', 'altEn', 'en')}
        {text('media-alt-ar', 'mediaAltAr', 'altAr', 'ar')}
        {text('media-caption-en', 'mediaCaptionEn', 'captionEn', 'en')}
        {text('media-caption-ar', 'mediaCaptionAr', 'captionAr', 'ar')}
        {text('media-credit', 'mediaCredit', 'credit')}
        {text('media-credit-en', 'mediaCreditEn', 'creditEn', 'en')}
        {text('media-credit-ar', 'mediaCreditAr', 'creditAr', 'ar')}
        {notice && (
          <p className={notice.kind === 'error' ? 'form-error' : 'notice'} role="status">
            {notice.text}
          </p>
        )}
        <div className="media-details-actions">
          <button type="submit" className="button primary" disabled={isBusy}>
            {t('mediaSave')}
          </button>
          <button
            type="button"
            className="button danger"
            disabled={isBusy}
            onClick={() => void onDelete()}
          >
            {t('mediaDelete')}
          </button>
        </div>
      </form>
      <h3>{t('mediaUsage')}</h3>
      {usage && usage.length === 0 && <p className="hint">{t('mediaUnused')}</p>}
      {usage && usage.length > 0 && (
        <ul className="media-usage">
          {usage.map((place) => (
            <li key={`${place.kind}-${place.id}`} dir="auto">
              {place.kind.startsWith('article') ? (
                <Link to={`/articles/${place.id}`}>
                  {t(USAGE_LABELS[place.kind], { id: place.id, label: place.label })}
                </Link>
              ) : (
                t(USAGE_LABELS[place.kind], { id: place.id, label: place.label })
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
