import { documentPlainText } from '../../modules/articles/document/render-document.js'
import { pickLocalized } from '../../platform/localized-text.js'
import { entryAnchor } from '../components/live-entry.js'
import { entryHeadline } from '../loaders/load-live-coverage.js'
import { siteUrls, withPage } from '../site-urls.js'
import type { ArticleView, Frame, LiveCoverageView, LiveEntryItem } from '../view-models.js'

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

/** The article's last change; for a live story, its newest entry's post or edit when later. */
export function modifiedAtOf(article: ArticleView): string {
  const changed = article.updatedAt ?? article.publishedAt
  const entry = article.live?.modifiedAt
  return entry && entry > changed ? entry : changed
}

/** Google's headline limit for articles. */
const HEADLINE_LENGTH = 110

/** One entry as a BlogPosting of liveBlogUpdate: its text, times, anchor and writer. */
function blogPosting(frame: Frame, canonical: string, item: LiveEntryItem) {
  const { entry, byline } = item
  const author = byline?.author
  return {
    '@type': 'BlogPosting',
    '@id': `${canonical}#${entryAnchor(entry.id)}`,
    url: `${canonical}#${entryAnchor(entry.id)}`,
    headline: entryHeadline(entry, HEADLINE_LENGTH),
    articleBody: documentPlainText(entry.bodyDoc).trim(),
    datePublished: entry.createdAt,
    dateModified: entry.editedAt ?? undefined,
    author: author
      ? {
          '@type': 'Person',
          name: pickLocalized(author.name, frame.language),
          url: `${frame.siteUrl}${siteUrls.author(frame.language, author.slug)}`,
        }
      : { '@id': `${frame.siteUrl}/#org` },
  }
}

/** What LiveBlogPosting adds to an article: the coverage's times and the newest entries. */
function liveBlogFields(frame: Frame, canonical: string, live: LiveCoverageView) {
  return {
    coverageStartTime: live.startedAt,
    coverageEndTime: live.endedAt,
    liveBlogUpdate: live.latest.map((item) => blogPosting(frame, canonical, item)),
  }
}

/**
 * NewsArticle (LiveBlogPosting for a live story), its publisher and its breadcrumb as one JSON-LD
 * graph (STANDARDS §2).
 */
export function articleJsonLd(frame: Frame, article: ArticleView, logoUrl: string) {
  const absolute = (path: string) => `${frame.siteUrl}${path}`
  const canonical = absolute(article.url)
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': article.live ? 'LiveBlogPosting' : (SCHEMA_TYPES[article.type] ?? 'NewsArticle'),
        '@id': `${canonical}#article`,
        // A live story's later page is its own canonical URL; its newest entries are on the first.
        mainEntityOfPage: absolute(withPage(article.url, article.live?.page ?? 1)),
        headline: article.headline,
        description: article.dek || article.excerpt,
        inLanguage: frame.language,
        articleSection: article.trail.at(-1)?.label,
        image: article.heroImage ? [absolute(article.heroImage.src)] : undefined,
        datePublished: article.publishedAt,
        dateModified: modifiedAtOf(article),
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
        ...(article.live && liveBlogFields(frame, canonical, article.live)),
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
