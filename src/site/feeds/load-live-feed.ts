import type { Article } from '../../modules/articles/article.js'
import { findArticleById } from '../../modules/articles/article-queries.js'
import { isLiveArticle } from '../../modules/articles/article-rules.js'
import { documentPlainText } from '../../modules/articles/document/render-document.js'
import { findEntryBylines } from '../../modules/live/live-entry-bylines.js'
import { listLiveEntries } from '../../modules/live/live-entry-queries.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { fitText } from '../../platform/fit-text.js'
import { pickLocalized } from '../../platform/localized-text.js'
import { entryAnchor } from '../components/live-entry.js'
import { articleUrl } from '../loaders/load-cards.js'
import type { SiteContext } from '../loaders/load-frame.js'
import { entryHeadline, LIVE_PAGE_SIZE } from '../loaders/load-live-coverage.js'
import { siteUrls, withPage } from '../site-urls.js'
import type { Feed } from './feed-model.js'
import { FEED_SIZE, feedUrls } from './load-feed.js'

/** How long an entry's summary is in a feed. */
const SUMMARY_LENGTH = 280

/**
 * The feed of a published live story of the context's edition, with the story's page path (its
 * feeds' paths follow it); undefined for any other article.
 */
export async function loadLiveFeed(
  context: SiteContext,
  articleId: number,
): Promise<{ feed: Feed; pagePath: string } | undefined> {
  const article = await findArticleById(context.db, articleId)
  if (!article || article.type !== 'live' || article.language !== context.frame.language)
    return undefined
  if (!isLiveArticle(article, context.frame.now)) return undefined
  const pagePath = articleUrl(context, article)
  return { feed: await liveFeed(context, article, pagePath), pagePath }
}

/**
 * The newest entries of a live story as a feed, each linking to its anchor on the page of the
 * story that shows it. Tagged `a:{id}`, so every entry posted, edited or deleted purges it.
 */
async function liveFeed(context: SiteContext, article: Article, pagePath: string): Promise<Feed> {
  const { db, frame } = context
  const language = frame.language
  const absolute = (path: string) => `${frame.siteUrl}${path}`
  context.uses.add(cacheTags.article(article.id))
  const entries = await listLiveEntries(db, article.id, { limit: FEED_SIZE })
  const bylines = await findEntryBylines(db, entries)
  const host = new URL(frame.siteUrl).host
  const urls = feedUrls(pagePath)
  const changedAt = (entry: (typeof entries)[number]) => entry.editedAt ?? entry.createdAt
  return {
    language,
    direction: frame.direction,
    title: `${frame.siteName} — ${article.headline}`,
    description: article.dek || article.excerpt || article.headline,
    homeUrl: absolute(pagePath),
    urls: { rss: absolute(urls.rss), atom: absolute(urls.atom), json: absolute(urls.json) },
    updatedAt: entries.reduce(
      (newest, entry) => (changedAt(entry) > newest ? changedAt(entry) : newest),
      article.coverageStartedAt ?? article.updatedAt,
    ),
    items: entries.map((entry, index) => {
      const author =
        entry.authorUserId === null ? undefined : bylines.get(entry.authorUserId)?.author
      if (author) context.uses.add(cacheTags.author(author.id))
      const page = Math.floor(index / LIVE_PAGE_SIZE) + 1
      return {
        id: entry.id,
        guid: `urn:masthead:${host}:live-entry:${entry.id}`,
        url: absolute(`${withPage(pagePath, page)}#${entryAnchor(entry.id)}`),
        title: entryHeadline(entry),
        summary: fitText(documentPlainText(entry.bodyDoc).trim(), SUMMARY_LENGTH),
        contentHtml: entry.bodyHtml,
        publishedAt: entry.createdAt,
        updatedAt: changedAt(entry),
        authors: author
          ? [
              {
                name: pickLocalized(author.name, language),
                url: absolute(siteUrls.author(language, author.slug)),
              },
            ]
          : [],
        categories: [],
        image: undefined,
      }
    }),
  }
}
