import { h } from '../jsx/html.js'
import { withPage } from '../site-urls.js'
import type { Frame } from '../view-models.js'

/** Newer and older links for a paginated list. */
export function Pagination(props: { frame: Frame; path: string; page: number; pageCount: number }) {
  const { frame, page, pageCount } = props
  if (pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label={frame.t('pagination')}>
      {page > 1 ? (
        <a class="pagination__link" rel="prev" href={withPage(props.path, page - 1)}>
          {frame.t('previousPage')}
        </a>
      ) : null}
      <span class="pagination__position">{frame.t('pageOf', { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <a class="pagination__link" rel="next" href={withPage(props.path, page + 1)}>
          {frame.t('nextPage')}
        </a>
      ) : null}
    </nav>
  )
}
