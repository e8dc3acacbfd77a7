import { ArticleCardView } from '../components/article-card.js'
import { Breadcrumb } from '../components/breadcrumb.js'
import { Pagination } from '../components/pagination.js'
import { h } from '../jsx/html.js'
import { SiteLayout } from '../layouts/site-layout.js'
import type { ListingView } from '../loaders/load-listing.js'
import { feedUrls } from '../feeds/load-feed.js'
import { withPage } from '../site-urls.js'
import type { Frame, PageHead } from '../view-models.js'

/** A section, tag, author or source page: a paginated list of cards with the list's feed. */
export function ListingPage(props: { frame: Frame; listing: ListingView }) {
  const { frame, listing } = props
  const absolute = (path: string) => `${frame.siteUrl}${path}`
  const head: PageHead = {
    title: listing.title,
    description: listing.description ?? listing.title,
    canonical: absolute(withPage(listing.path, listing.page)),
    alternates:
      listing.page === 1
        ? listing.alternates.map((alternate) => ({ ...alternate, url: absolute(alternate.url) }))
        : [],
    feed: { title: `${frame.siteName} — ${listing.title}`, ...feedUrls(listing.path) },
    translationUrl: listing.alternates.find((alternate) => alternate.hreflang !== frame.language)
      ?.url,
  }
  return (
    <SiteLayout frame={frame} head={head}>
      <header class={`listing-header listing-header--${listing.kind}`}>
        {listing.trail.length > 1 ? (
          <Breadcrumb frame={frame} trail={listing.trail.slice(0, -1)} />
        ) : null}
        <h1>{listing.title}</h1>
        {listing.description ? (
          <p class="listing-header__description">{listing.description}</p>
        ) : null}
        <p class="listing-header__feed">
          <a href={feedUrls(listing.path).rss} type="application/rss+xml">
            {frame.t('feed')}
          </a>
        </p>
      </header>
      {listing.cards.length ? (
        <div class="card-grid card-grid--listing">
          {listing.cards.map((card, index) => (
            <ArticleCardView frame={frame} card={card} isEager={index === 0} headingLevel={2} />
          ))}
        </div>
      ) : (
        <p class="empty">{frame.t('noArticles')}</p>
      )}
      <Pagination
        frame={frame}
        path={listing.path}
        page={listing.page}
        pageCount={listing.pageCount}
      />
    </SiteLayout>
  )
}
