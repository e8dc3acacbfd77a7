import { element, escapeXml } from '../feeds/xml.js'

export const SITEMAP_NAMESPACES =
  'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" ' +
  'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'

export const URLSET_START = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${SITEMAP_NAMESPACES}>\n`
export const URLSET_END = '</urlset>\n'

/** One `<url>` of a sitemap, with its language alternates, images and Google News block. */
export interface SitemapUrl {
  loc: string
  lastmod?: string
  alternates?: { hreflang: string; href: string }[]
  images?: string[]
  news?: { publicationName: string; language: string; publicationDate: string; title: string }
}

export function renderSitemapUrl(url: SitemapUrl): string {
  const alternates = (url.alternates ?? [])
    .map(
      (alternate) =>
        `<xhtml:link rel="alternate" hreflang="${escapeXml(alternate.hreflang)}" href="${escapeXml(alternate.href)}"/>`,
    )
    .join('')
  const news = url.news
    ? '<news:news><news:publication>' +
      element('news:name', url.news.publicationName) +
      element('news:language', url.news.language) +
      '</news:publication>' +
      element('news:publication_date', url.news.publicationDate) +
      element('news:title', url.news.title) +
      '</news:news>'
    : ''
  const images = (url.images ?? [])
    .map((image) => `<image:image>${element('image:loc', image)}</image:image>`)
    .join('')
  return `<url>${element('loc', url.loc)}${element('lastmod', url.lastmod)}${alternates}${news}${images}</url>\n`
}

/** A whole, small sitemap in one string. */
export function renderUrlset(urls: SitemapUrl[]): string {
  return URLSET_START + urls.map(renderSitemapUrl).join('') + URLSET_END
}

/** The sitemap index: one `<sitemap>` per child sitemap. */
export function renderSitemapIndex(entries: { loc: string; lastmod?: string }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    entries
      .map(
        (entry) =>
          `<sitemap>${element('loc', entry.loc)}${element('lastmod', entry.lastmod)}</sitemap>\n`,
      )
      .join('') +
    '</sitemapindex>\n'
  )
}
