import { useId } from 'react'
import { thumbnailOf, type MediaItem } from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import type { MediaList } from './use-media-list.js'

const TYPES = ['jpeg', 'png', 'webp', 'avif', 'gif'] as const

/** The alt text in the interface language, else the other, else the file name. */
export function describeMedia(item: MediaItem, language: string): string {
  return item.alt[language] || Object.values(item.alt).find(Boolean) || item.filename
}

/** Search, type filter, a grid of thumbnails (each a button) and a pager. */
export function MediaGrid({
  list,
  selectedIds,
  onOpen,
}: {
  list: MediaList
  /** Given when tiles are chosen rather than opened: each tile then says whether it is chosen. */
  selectedIds?: readonly number[]
  onOpen: (item: MediaItem) => void
}) {
  const { t, language } = useI18n()
  const searchId = useId()
  const typeId = useId()
  const { result } = list
  return (
    <div className="media-browser">
      <div className="filters" role="search">
        <div className="filter grow">
          <label htmlFor={searchId}>{t('mediaSearch')}</label>
          <input
            id={searchId}
            type="search"
            dir="auto"
            placeholder={t('mediaSearchPlaceholder')}
            value={list.q}
            onChange={(event) => list.setQ(event.target.value)}
          />
        </div>
        <div className="filter">
          <label htmlFor={typeId}>{t('mediaType')}</label>
          <select
            id={typeId}
            value={list.type}
            onChange={(event) => list.setType(event.target.value)}
          >
            <option value="">{t('mediaTypeAny')}</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {type.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.hasFailed && (
        <p className="form-error" role="alert">
          {t('mediaLoadFailed')}
        </p>
      )}
      {result && (
        <p className="result-count" role="status">
          {t('mediaCount', { count: result.total })}
        </p>
      )}
      {result && result.items.length === 0 && <p className="notice">{t('mediaEmpty')}</p>}
      {result && result.items.length > 0 && (
        <ul className="media-grid">
          {result.items.map((item) => {
            const isSelected = selectedIds?.includes(item.id)
            const name = describeMedia(item, language)
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className={isSelected ? 'media-tile is-selected' : 'media-tile'}
                  aria-pressed={isSelected}
                  onClick={() => onOpen(item)}
                >
                  <img
                    src={thumbnailOf(item)}
                    alt=""
                    loading="lazy"
                    width={item.width}
                    height={item.height}
                    style={{ backgroundColor: item.dominantColor ?? undefined }}
                  />
                  <span className="media-tile-name" dir="auto">
                    {name}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {result && result.pageCount > 1 && (
        <nav className="pagination" aria-label={t('pagination')}>
          <button
            type="button"
            className="button secondary"
            disabled={list.page <= 1}
            onClick={() => list.setPage(list.page - 1)}
          >
            {t('previousPage')}
          </button>
          <span>{t('pageOf', { page: list.page, pages: result.pageCount })}</span>
          <button
            type="button"
            className="button secondary"
            disabled={list.page >= result.pageCount}
            onClick={() => list.setPage(list.page + 1)}
          >
            {t('nextPage')}
          </button>
        </nav>
      )}
    </div>
  )
}
