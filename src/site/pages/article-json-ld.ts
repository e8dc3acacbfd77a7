import type { ArticleView, Frame } from '../view-models.js'

const SCHEMA_TYPES: Record<string, string> = {
  report: 'ReportageNewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  background: 'BackgroundNewsArticle',
  review: 'ReviewNewsArticle',
}

/**
 * The publisher node every page shares, referenced by `@id`: with the logo uploaded in the
 * settings, else the built-in one (`logoUrl`, 512 px square).
 */
export function organizationNode(frame: Frame, logoUrl: string) {
  const logo = frame.logo ?? { src: logoUrl, width: 512, height: 512 }
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${frame.siteUrl}/#org`,
    name: frame.siteName,
    url: `${frame.siteUrl}/`,
    logo: {
      '@type': 'ImageObject',
      url: `${frame.siteUrl}${logo.src}`,
      width: logo.width,
      height: logo.height,
    },
    publishingPrinciples: `${frame.siteUrl}/${frame.language}/standards`,
    correctionsPolicy: `${frame.siteUrl}/${frame.language}/standards`,
  }
}

/** NewsArticle, its publisher and its breadcrumb as one JSON-LD graph (STANDARDS §2). */
export function articleJsonLd(frame: Frame, article: ArticleView, logoUrl: string) {
  const absolute = (path: string) => `${frame.siteUrl}${path}`
  const canonical = absolute(article.url)
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': SCHEMA_TYPES[article.type] ?? 'NewsArticle',
        '@id': `${canonical}#article`,
        mainEntityOfPage: canonical,
        headline: article.headline,
        description: article.dek || article.excerpt,
        inLanguage: frame.language,
        articleSection: article.trail.at(-1)?.label,
        image: article.heroImage ? [absolute(article.heroImage.src)] : undefined,
        datePublished: article.publishedAt,
        dateModified: article.updatedAt ?? article.publishedAt,
        wordCount: article.wordCount,
        author: article.bylines.map((byline) => ({
          '@type': 'Person',
          name: byline.label,
          url: absolute(byline.url),
        })),
        publisher: { '@id': `${frame.siteUrl}/#org` },
        sourceOrganization: article.source
          ? { '@type': 'NewsMediaOrganization', name: article.source.organization }
          : undefined,
        workTranslation: article.translation
          ? { '@id': `${absolute(article.translation.url)}#article` }
          : undefined,
        correction: article.notices
          .filter((notice) => notice.kind === 'correction')
          .map((notice) => ({
            '@type': 'CorrectionComment',
            text: notice.text,
            datePublished: notice.date,
          })),
      },
      organizationNode(frame, logoUrl),
      {
        '@type': 'BreadcrumbList',
        itemListElement: [
          ...article.trail.map((link, index) => ({
            '@type': 'ListItem',
            position: index + 1,
            name: link.label,
            item: absolute(link.url),
          })),
          { '@type': 'ListItem', position: article.trail.length + 1, name: article.headline },
        ],
      },
    ],
  }
}
