import { useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import type { MediaItem } from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import { MediaGrid } from './media-grid.js'
import { UploadZone } from './upload-zone.js'
import { useMediaList } from './use-media-list.js'
import './media.css'

/**
 * A modal dialog over the page: a native <dialog> (focus kept inside, Escape closes), put under
 * <body> so that Enter in its fields never submits a form around the place that opened it.
 */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string
  onClose: () => void
  children: ReactNode
}) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return createPortal(
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="dialog-title"
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <div className="dialog-head">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('mediaClose')}
        </button>
      </div>
      {children}
    </dialog>,
    document.body,
  )
}

/**
 * Chooses images from the library, or uploads new ones, which are chosen as they arrive. With
 * `isMultiple` the choice is confirmed with a button; otherwise a click picks one image.
 */
export function MediaPicker({
  isMultiple = false,
  initial = [],
  onPick,
  onClose,
}: {
  isMultiple?: boolean
  initial?: readonly MediaItem[]
  onPick: (items: MediaItem[]) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const list = useMediaList(18)
  const [chosen, setChosen] = useState<MediaItem[]>([...initial])
  const toggle = (item: MediaItem) => {
    if (!isMultiple) return onPick([item])
    setChosen((current) =>
      current.some((other) => other.id === item.id)
        ? current.filter((other) => other.id !== item.id)
        : [...current, item],
    )
  }
  const onUploaded = (item: MediaItem) => {
    list.replace(item)
    if (isMultiple) setChosen((current) => [...current, item])
  }
  return (
    <Dialog title={t(isMultiple ? 'pickImages' : 'pickMedia')} onClose={onClose}>
      <UploadZone onUploaded={onUploaded} />
      <MediaGrid list={list} selectedIds={chosen.map((item) => item.id)} onOpen={toggle} />
      {isMultiple && (
        <div className="dialog-actions">
          <span role="status">{t('pickSelected', { count: chosen.length })}</span>
          <button
            type="button"
            className="button primary"
            disabled={chosen.length === 0}
            onClick={() => onPick(chosen)}
          >
            {t('pickConfirm')}
          </button>
        </div>
      )}
    </Dialog>
  )
}
