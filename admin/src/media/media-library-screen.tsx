import { useState } from 'react'
import type { MediaItem } from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import { MediaDetails } from './media-details.js'
import { MediaGrid } from './media-grid.js'
import { UploadZone } from './upload-zone.js'
import { useMediaList } from './use-media-list.js'
import './media.css'

/** The media library: upload, search and browse, and edit or delete one item at a time. */
export default function MediaLibraryScreen() {
  const { t } = useI18n()
  const list = useMediaList()
  const [open, setOpen] = useState<MediaItem | undefined>()
  const [notice, setNotice] = useState('')
  return (
    <div className="media-screen">
      <div className="screen-title">
        <h1>{t('mediaLibrary')}</h1>
      </div>
      <UploadZone onUploaded={list.replace} />
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      <div className={open ? 'media-layout has-details' : 'media-layout'}>
        <MediaGrid list={list} onOpen={setOpen} />
        {open && (
          <MediaDetails
            key={open.id}
            item={open}
            onSaved={(item) => {
              list.replace(item)
              setOpen(item)
            }}
            onDeleted={(item) => {
              setOpen(undefined)
              setNotice(t('mediaDeleted', { name: item.filename }))
              list.reload()
            }}
            onClose={() => setOpen(undefined)}
          />
        )}
      </div>
    </div>
  )
}
