import { ArticleCardView } from '../components/article-card.js'
import { h } from '../jsx/html.js'
import { SiteLayout } from '../layouts/site-layout.js'
import type { HomeView } from '../loaders/load-home.js'
import type { Frame, PageHead } from '../view-models.js'
import { organizationNode } from './article-json-ld.js'

/** The front page of an edition. */
export function HomePage(props: {
  frame: Frame
  home: HomeView
  alternates: PageHead['alternates']
  logoUrl: string
}) {
  const { frame, home } = props
  const head: PageHead = {
    title: frame.siteName,
    description: frame.about || frame.siteName,
    canonical: `${frame.siteUrl}/${frame.language}/`,
    alternates: props.alternates,
    jsonLd: { '@context': 'https://schema.org', ...organizationNode(frame, props.logoUrl) },
  }
  return (
    <SiteLayout frame={frame} head={head}>
      <h1 class="visually-hidden">{frame.siteName}</h1>
      <div class="home-top">
        <section class="top-stories" aria-labelledby="top-stories-title">
          <h2 id="top-stories-title" class="visually-hidden">
            {frame.t('topStories')}
          </h2>
          {home.lead ? (
            <ArticleCardView
              frame={frame}
              card={home.lead}
              variant="lead"
              isEager
              headingLevel={3}
            />
          ) : null}
          <div class="card-grid card-grid--secondary">
            {home.secondary.map((card) => (
              <ArticleCardView frame={frame} card={card} />
            ))}
          </div>
        </section>
        <aside class="home-aside">
          <section class="latest" aria-labelledby="latest-title">
            <h2 id="latest-title" class="block-title">
              {frame.t('latestNews')}
            </h2>
            {home.latest.map((card) => (
              <ArticleCardView frame={frame} card={card} variant="compact" />
            ))}
            <p class="more-link">
              <a href={home.moreUrl}>{frame.t('moreNews')}</a>
            </p>
          </section>
          {home.mostRead.length ? (
            <section class="most-read" aria-labelledby="most-read-title">
              <h2 id="most-read-title" class="block-title">
                {frame.t('mostRead')}
              </h2>
              <ol class="most-read__list">
                {home.mostRead.map((item) => (
                  <li>
                    <a href={item.url}>{item.label}</a>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </aside>
      </div>
      {home.sections.map((block, index) => (
        <section class="section-block" aria-labelledby={`section-block-${index}`}>
          <h2 id={`section-block-${index}`} class="block-title">
            <a href={block.section.url}>{block.section.label}</a>
          </h2>
          <div class="card-grid">
            {block.cards.map((card) => (
              <ArticleCardView frame={frame} card={card} />
            ))}
          </div>
          <p class="more-link">
            <a href={block.section.url}>
              {frame.t('moreFromSection', { section: block.section.label })}
            </a>
          </p>
        </section>
      ))}
    </SiteLayout>
  )
}
