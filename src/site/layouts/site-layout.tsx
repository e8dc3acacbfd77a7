import { Fragment, h, raw, type Child } from '../jsx/html.js'
import { feedUrls } from '../feeds/load-feed.js'
import { yearOf } from '../i18n/format-time.js'
import { siteUrls } from '../site-urls.js'
import type { Frame, PageHead } from '../view-models.js'

const OG_LOCALES: Record<string, string> = { ar: 'ar_AR', en: 'en_US' }

/** JSON for a script element: `<` escaped so no text inside can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

/** Autodiscovery links for one feed in its three formats. */
function FeedLinks(props: { title: string; urls: { rss: string; atom: string; json: string } }) {
  return (
    <>
      <link rel="alternate" type="application/rss+xml" title={props.title} href={props.urls.rss} />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={props.title}
        href={props.urls.atom}
      />
      <link
        rel="alternate"
        type="application/feed+json"
        title={props.title}
        href={props.urls.json}
      />
    </>
  )
}

function Head(props: { frame: Frame; head: PageHead }) {
  const { frame, head } = props
  const fullTitle = head.title === frame.siteName ? head.title : `${head.title} | ${frame.siteName}`
  const absolute = (path: string) => (path.startsWith('http') ? path : `${frame.siteUrl}${path}`)
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{fullTitle}</title>
      <meta name="description" content={head.description} />
      <link rel="canonical" href={head.canonical} />
      {(head.alternates ?? []).map((alternate) => (
        <link rel="alternate" hreflang={alternate.hreflang} href={alternate.url} />
      ))}
      <meta name="robots" content={head.isNoIndex ? 'noindex' : 'max-image-preview:large'} />
      <meta property="og:site_name" content={frame.siteName} />
      <meta property="og:title" content={head.social?.title ?? head.title} />
      <meta property="og:description" content={head.social?.description ?? head.description} />
      <meta property="og:type" content={head.type ?? 'website'} />
      <meta property="og:url" content={head.canonical} />
      <meta property="og:locale" content={OG_LOCALES[frame.language] ?? frame.language} />
      <meta
        property="og:locale:alternate"
        content={OG_LOCALES[frame.otherEdition.language] ?? frame.otherEdition.language}
      />
      {head.image ? (
        <>
          <meta property="og:image" content={absolute(head.image.src)} />
          <meta property="og:image:width" content={head.image.width} />
          <meta property="og:image:height" content={head.image.height} />
          <meta property="og:image:alt" content={head.image.alt} />
          <meta name="twitter:image:alt" content={head.image.alt} />
        </>
      ) : null}
      <meta name="twitter:card" content={head.image ? 'summary_large_image' : 'summary'} />
      {(head.meta ?? []).map((meta) => (
        <meta property={meta.property} content={meta.content} />
      ))}
      <FeedLinks title={frame.siteName} urls={feedUrls(`/${frame.language}/`)} />
      {head.feed ? <FeedLinks title={head.feed.title} urls={head.feed} /> : null}
      <link rel="stylesheet" href={frame.assets.css} />
      {frame.assets.theme ? <link rel="stylesheet" href={frame.assets.theme} /> : null}
      <link rel="icon" href={frame.assets.icon} />
      {head.jsonLd ? (
        <script type="application/ld+json">{raw(jsonForScript(head.jsonLd))}</script>
      ) : null}
    </head>
  )
}

function SiteHeader(props: { frame: Frame; translationUrl: string | undefined }) {
  const { frame } = props
  return (
    <header class="site-header">
      <div class="site-header__top">
        <p class="site-header__date">{frame.dateLine}</p>
        <a
          class="language-switch"
          href={props.translationUrl ?? frame.otherEdition.url}
          hreflang={frame.otherEdition.language}
          lang={frame.otherEdition.language}
        >
          {frame.t('switchLanguage')}
        </a>
      </div>
      <p class="site-header__brand">
        <a href={`/${frame.language}/`} class="brand">
          {frame.logo ? (
            <img
              class="brand__logo"
              src={frame.logo.src}
              width={frame.logo.width}
              height={frame.logo.height}
              alt={frame.siteName}
            />
          ) : (
            frame.siteName
          )}
        </a>
      </p>
      <nav class="site-nav" aria-label={frame.t('sectionsNavigation')}>
        <ul class="site-nav__list">
          {frame.navigation.map((section) => (
            <li class="site-nav__item">
              <a href={section.url}>{section.label}</a>
              {section.children.length ? (
                <ul class="site-nav__children">
                  {section.children.map((child) => (
                    <li>
                      <a href={child.url}>{child.label}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
          <li class="site-nav__item site-nav__item--search">
            <a href={`/${frame.language}/search`}>{frame.t('searchTitle')}</a>
          </li>
        </ul>
      </nav>
      {frame.breaking.length ? (
        <section class="breaking-bar" aria-label={frame.t('breakingNews')}>
          <span class="breaking-bar__label">{frame.t('breaking')}</span>
          <ul class="breaking-bar__items">
            {frame.breaking.map((item) => (
              <li>
                <a href={item.url}>{item.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </header>
  )
}

function SiteFooter(props: { frame: Frame }) {
  const { frame } = props
  return (
    <footer class="site-footer">
      <div class="site-footer__inner">
        <p class="site-footer__brand">{frame.siteName}</p>
        {frame.about ? <p class="site-footer__about">{frame.about}</p> : null}
        <ul class="site-footer__links">
          {frame.footerPages.map((page) => (
            <li>
              <a href={page.url}>{page.label}</a>
            </li>
          ))}
        </ul>
        {frame.socialLinks.length ? (
          <ul class="site-footer__social" aria-label={frame.t('socialNetworks')}>
            {frame.socialLinks.map((link) => (
              <li>
                <a href={link.url} rel="noopener noreferrer me">
                  {link.network}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <p class="site-footer__copyright">
          {frame.footerText ||
            frame.t('copyright', {
              year: yearOf(frame.locale, frame.timeZone, frame.now),
              site: frame.siteName,
            })}
        </p>
      </div>
    </footer>
  )
}

/** The document around every page: head, header with navigation and breaking bar, main, footer. */
export function SiteLayout(props: {
  frame: Frame
  head: PageHead
  viewUrl?: string
  children?: Child
}) {
  const { frame } = props
  return (
    <html lang={frame.language} dir={frame.direction} data-locale={frame.locale}>
      <Head frame={frame} head={props.head} />
      <body
        data-view-url={props.viewUrl}
        data-live-stream={siteUrls.liveStream(frame.language)}
        data-label-breaking={frame.t('breaking')}
        data-label-breaking-news={frame.t('breakingNews')}
        data-label-new-updates={frame.t('showNewUpdates')}
      >
        <a class="skip-link" href="#main">
          {frame.t('skipToContent')}
        </a>
        <SiteHeader frame={frame} translationUrl={props.head.translationUrl} />
        <main id="main" class="site-main" tabindex="-1">
          {props.children}
        </main>
        <SiteFooter frame={frame} />
        {props.viewUrl ? (
          <noscript>
            <img src={`${props.viewUrl}.gif`} alt="" width="1" height="1" class="view-pixel" />
          </noscript>
        ) : null}
        <script src={frame.assets.js} defer></script>
      </body>
    </html>
  )
}
