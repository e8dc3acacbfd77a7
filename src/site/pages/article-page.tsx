import { ArticleCardView } from '../components/article-card.js'
import { Breadcrumb } from '../components/breadcrumb.js'
import { Gallery } from '../components/gallery.js'
import { LiveBadge, LiveCoverage } from '../components/live-coverage.js'
import { Picture } from '../components/picture.js'
import { TimeAgo } from '../components/time-ago.js'
import { Fragment, h, raw } from '../jsx/html.js'
import { SiteLayout } from '../layouts/site-layout.js'
import { siteUrls, withPage } from '../site-urls.js'
import type { ArticleView, Frame, PageHead } from '../view-models.js'
import { articleJsonLd, modifiedAtOf } from './article-json-ld.js'

const HERO_SIZES = '(min-width: 48rem) 46rem, 100vw'

/** Labels for the article types readers must tell apart from reporting. */
const TYPE_LABELS = {
  analysis: 'articleTypeAnalysis',
  opinion: 'articleTypeOpinion',
  background: 'articleTypeBackground',
  review: 'articleTypeReview',
} as const

function ShareLinks(props: { frame: Frame; url: string; headline: string }) {
  const { frame } = props
  const url = encodeURIComponent(props.url)
  const text = encodeURIComponent(props.headline)
  const links = [
    { label: frame.t('shareOnX'), href: `https://x.com/intent/post?url=${url}&text=${text}` },
    {
      label: frame.t('shareOnFacebook'),
      href: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    },
    { label: frame.t('shareOnWhatsApp'), href: `https://wa.me/?text=${text}%20${url}` },
    { label: frame.t('shareByEmail'), href: `mailto:?subject=${text}&body=${url}` },
  ]
  return (
    <nav class="share" aria-label={frame.t('share')}>
      <p class="share__title">{frame.t('share')}</p>
      <ul class="share__links">
        {links.map((link) => (
          <li>
            <a href={link.href} rel="noopener noreferrer" target="_blank">
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function Bylines(props: { frame: Frame; bylines: ArticleView['bylines'] }) {
  if (props.bylines.length === 0) return null
  return (
    <p class="article__byline">
      {props.frame.t('by')}{' '}
      {props.bylines.map((byline, index) => (
        <>
          {index > 0 ? ` ${props.frame.t('and')} ` : null}
          <a href={byline.url} rel="author">
            <bdi>{byline.label}</bdi>
          </a>
        </>
      ))}
    </p>
  )
}

/**
 * The head of an article page: canonical, hreflang pair, article meta and JSON-LD. A live story
 * adds the feeds of its entries; its later pages are their own canonical URLs, without hreflang
 * (the translation's pages do not match them).
 */
export function articleHead(frame: Frame, article: ArticleView, logoUrl: string): PageHead {
  const page = article.live?.page ?? 1
  const canonical = `${frame.siteUrl}${withPage(article.url, page)}`
  const alternates = [{ hreflang: frame.language, url: canonical }]
  if (article.translation)
    alternates.push({
      hreflang: article.translation.language,
      url: `${frame.siteUrl}${article.translation.url}`,
    })
  const english = alternates.find((alternate) => alternate.hreflang === 'en')
  alternates.push({ hreflang: 'x-default', url: english?.url ?? canonical })
  const title = article.seo.title || article.headline
  const description = article.seo.description || article.dek || article.excerpt
  return {
    title,
    description,
    social: {
      title: article.seo.socialTitle || title,
      description: article.seo.socialDescription || description,
    },
    canonical,
    alternates: page === 1 ? alternates : undefined,
    type: 'article',
    image: article.heroImage?.social
      ? { ...article.heroImage, ...article.heroImage.social }
      : article.heroImage,
    translationUrl: article.translation?.url,
    meta: [
      { property: 'article:published_time', content: article.publishedAt },
      { property: 'article:modified_time', content: modifiedAtOf(article) },
      ...article.trail
        .slice(-1)
        .map((section) => ({ property: 'article:section', content: section.label })),
      ...article.tags.map((tag) => ({ property: 'article:tag', content: tag.label })),
      ...article.bylines.map((byline) => ({
        property: 'article:author',
        content: `${frame.siteUrl}${byline.url}`,
      })),
    ],
    jsonLd: articleJsonLd(frame, article, logoUrl),
    feed: article.live && {
      title: `${frame.siteName} — ${article.headline}`,
      ...article.live.feeds,
    },
  }
}

/** A news article with every element a reader expects. */
export function ArticlePage(props: {
  frame: Frame
  article: ArticleView
  logoUrl: string
  /** Shown through a signed preview link: never indexed, shared or counted as a read. */
  isPreview?: boolean
}) {
  const { frame, article } = props
  const hero = article.heroGallery ? null : article.heroImage
  const head = articleHead(frame, article, props.logoUrl)
  return (
    <SiteLayout
      frame={frame}
      head={props.isPreview ? { ...head, isNoIndex: true } : head}
      viewUrl={props.isPreview ? undefined : siteUrls.pageView(article.id)}
    >
      {props.isPreview ? (
        <p class="preview-notice" role="status">
          {frame.t('previewNotice')}
        </p>
      ) : null}
      <article class={`article article--${article.type}`}>
        <header class="article__header">
          <Breadcrumb frame={frame} trail={article.trail} />
          {article.live ? <LiveBadge frame={frame} live={article.live} /> : null}
          {article.type in TYPE_LABELS ? (
            <p class="article__type">
              {frame.t(TYPE_LABELS[article.type as keyof typeof TYPE_LABELS])}
            </p>
          ) : null}
          <h1 class="article__headline">{article.headline}</h1>
          {article.dek ? <p class="article__dek">{article.dek}</p> : null}
          <Bylines frame={frame} bylines={article.bylines} />
          <p class="article__dates">
            <TimeAgo frame={frame} instant={article.publishedAt} />
            {article.updatedAt ? (
              <span class="article__updated">
                {' · '}
                {frame.t('updated')} <TimeAgo frame={frame} instant={article.updatedAt} />
              </span>
            ) : null}
          </p>
          {article.translation ? (
            <p class="article__translation">
              <a
                href={article.translation.url}
                hreflang={article.translation.language}
                lang={article.translation.language}
              >
                {frame.t('readInTranslation')}
              </a>
            </p>
          ) : null}
        </header>
        {hero ? (
          <figure class="article__hero">
            <Picture image={hero} sizes={HERO_SIZES} isLead />
            {hero.caption || hero.credit ? (
              <figcaption>
                {hero.caption}
                {hero.credit ? (
                  <span class="credit">
                    {' '}
                    {frame.t('photoCredit')} <bdi>{hero.credit}</bdi>
                  </span>
                ) : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        {article.heroGallery ? (
          <Gallery frame={frame} gallery={article.heroGallery} isEager />
        ) : null}
        <div class="article__body">{raw(article.bodyHtml)}</div>
        {article.live ? (
          <LiveCoverage
            frame={frame}
            articleId={article.id}
            path={article.url}
            live={article.live}
          />
        ) : null}
        <footer class="article__footer">
          {article.source ? (
            <p class="article__source">
              {frame.t('source')}{' '}
              <a href={article.source.url}>
                <bdi>{article.source.label}</bdi>
              </a>
            </p>
          ) : null}
          {article.tags.length ? (
            <ul class="article__tags" aria-label={frame.t('tags')}>
              {article.tags.map((tag) => (
                <li>
                  <a href={tag.url} rel="tag">
                    #{tag.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {article.notices.length ? (
            <section class="notices" aria-labelledby="notices-title">
              <h2 id="notices-title">{frame.t('correctionsAndUpdates')}</h2>
              <ul>
                {article.notices.map((notice) => (
                  <li class={`notice notice--${notice.kind}`}>
                    <strong>{frame.t(notice.kind)}</strong>{' '}
                    <TimeAgo frame={frame} instant={notice.date} />: {notice.text}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {props.isPreview ? null : (
            <ShareLinks
              frame={frame}
              url={`${frame.siteUrl}${article.url}`}
              headline={article.headline}
            />
          )}
        </footer>
      </article>
      {article.related.length ? (
        <section class="related" aria-labelledby="related-title">
          <h2 id="related-title">{frame.t('relatedStories')}</h2>
          <div class="card-grid">
            {article.related.map((card) => (
              <ArticleCardView frame={frame} card={card} />
            ))}
          </div>
        </section>
      ) : null}
    </SiteLayout>
  )
}
