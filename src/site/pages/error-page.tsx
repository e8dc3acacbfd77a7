import { ArticleCardView } from '../components/article-card.js'
import { h } from '../jsx/html.js'
import { SiteLayout } from '../layouts/site-layout.js'
import type { ArticleCard, Frame } from '../view-models.js'
import { SearchForm } from './search-page.js'

/**
 * The 404 and 410 pages of an edition: what happened, a search box and the latest news. A server
 * error has its own page, server-error-page.tsx, made without the database.
 */
export function ErrorPage(props: {
  frame: Frame
  status: 404 | 410
  path: string
  latest: ArticleCard[]
}) {
  const { frame } = props
  const [title, text] =
    props.status === 404
      ? [frame.t('notFoundTitle'), frame.t('notFoundText')]
      : [frame.t('goneTitle'), frame.t('goneText')]
  return (
    <SiteLayout
      frame={frame}
      head={{
        title,
        description: text,
        canonical: `${frame.siteUrl}${props.path}`,
        isNoIndex: true,
      }}
    >
      <section class="error-page">
        <h1>{title}</h1>
        <p>{text}</p>
        <SearchForm frame={frame} query="" />
      </section>
      {props.latest.length ? (
        <section aria-labelledby="error-latest-title">
          <h2 id="error-latest-title" class="block-title">
            {frame.t('latestNews')}
          </h2>
          <div class="card-grid">
            {props.latest.map((card) => (
              <ArticleCardView frame={frame} card={card} />
            ))}
          </div>
        </section>
      ) : null}
    </SiteLayout>
  )
}
