import { TimeAgo } from '../components/time-ago.js'
import { Pagination } from '../components/pagination.js'
import type { TextSegment } from '../../modules/search/highlight-text.js'
import { Fragment, h } from '../jsx/html.js'
import { SiteLayout } from '../layouts/site-layout.js'
import { siteUrls } from '../site-urls.js'
import type { ArticleCard, Frame } from '../view-models.js'

/** Text with the words a search matched in `<mark>`; both kinds of piece are escaped. */
export function Highlighted(props: { segments: TextSegment[] }) {
  return (
    <>
      {props.segments.map((segment) =>
        segment.isMatch ? <mark>{segment.text}</mark> : segment.text,
      )}
    </>
  )
}

/** One search result: the article's card and its texts with the matches marked. */
export interface SearchResultView {
  card: ArticleCard
  headline: TextSegment[]
  dek: TextSegment[]
  snippet: TextSegment[]
}

/** The search box, on the search page and the error pages. */
export function SearchForm(props: { frame: Frame; query: string }) {
  const { frame } = props
  return (
    <search class="search-form">
      <form action={siteUrls.search(frame.language)} method="get" role="search">
        <label for="search-query">{frame.t('searchLabel')}</label>
        <input
          id="search-query"
          type="search"
          name="q"
          value={props.query}
          placeholder={frame.t('searchPlaceholder')}
          maxlength="200"
          dir="auto"
        />
        <button type="submit">{frame.t('searchButton')}</button>
      </form>
    </search>
  )
}

/** Search results with the matched words highlighted. */
export function SearchPage(props: {
  frame: Frame
  query: string
  results: SearchResultView[]
  total: number
  isTotalCapped: boolean
  page: number
  pageCount: number
}) {
  const { frame, query } = props
  const title = query ? frame.t('searchResultsFor', { query }) : frame.t('searchTitle')
  return (
    <SiteLayout
      frame={frame}
      head={{
        title,
        description: title,
        canonical: `${frame.siteUrl}${siteUrls.search(frame.language)}`,
        isNoIndex: true,
      }}
    >
      <header class="listing-header">
        <h1>{title}</h1>
        <SearchForm frame={frame} query={query} />
        {query ? (
          <p class="search-count">
            {frame.t(props.isTotalCapped ? 'searchResultCountCapped' : 'searchResultCount', {
              count: props.total,
            })}
          </p>
        ) : (
          <p>{frame.t('searchEmpty')}</p>
        )}
      </header>
      {query && props.results.length === 0 ? (
        <p class="empty">{frame.t('searchNoResults', { query })}</p>
      ) : null}
      <ol class="search-results">
        {props.results.map(({ card, ...texts }) => (
          <li class="search-result">
            <p class="card__meta">
              <a href={card.section.url}>{card.section.label}</a> ·{' '}
              <TimeAgo frame={frame} instant={card.publishedAt} />
            </p>
            <h2 class="search-result__headline">
              <a href={card.url}>
                <Highlighted segments={texts.headline} />
              </a>
            </h2>
            {card.dek ? (
              <p class="search-result__dek">
                <Highlighted segments={texts.dek} />
              </p>
            ) : null}
            {texts.snippet.length ? (
              <p class="search-result__snippet">
                <Highlighted segments={texts.snippet} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination
        frame={frame}
        path={siteUrls.search(frame.language, query)}
        page={props.page}
        pageCount={props.pageCount}
      />
    </SiteLayout>
  )
}
