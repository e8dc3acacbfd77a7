import { useI18n } from '../i18n/i18n-context.js'

/** Previous and next page buttons with "Page 2 of 9" between them; nothing for a single page. */
export function Pagination({
  page,
  pageCount,
  onPage,
}: {
  page: number
  pageCount: number
  onPage: (page: number) => void
}) {
  const { t } = useI18n()
  if (pageCount <= 1) return null
  return (
    <nav className="pagination" aria-label={t('pagination')}>
      <button
        type="button"
        className="button secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('previousPage')}
      </button>
      <span>{t('pageOf', { page, pages: pageCount })}</span>
      <button
        type="button"
        className="button secondary"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        {t('nextPage')}
      </button>
    </nav>
  )
}
