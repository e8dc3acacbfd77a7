import {
  findArticlesByIds,
  listLatestArticles,
  type PublishedArticleFilter,
} from '../../modules/articles/article-queries.js'
import { listAuthorsOfArticles } from '../../modules/authors/author-queries.js'
import { creditIn } from '../../modules/media/media-credit.js'
import { findMediaByIds } from '../../modules/media/media-queries.js'
import { listTagsOfArticles } from '../../modules/tags/tag-queries.js'
import { pickLocalized } from '../../platform/localized-text.js'
import { articleUrl } from '../loaders/load-cards.js'
import type { SiteContext } from '../loaders/load-frame.js'
import { resolveListingScope, type ListingKind } from '../loaders/load-listing.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { siteUrls } from '../site-urls.js'
import type { Feed } from './feed-model.js'

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = 50

/** The feed paths of a page: the page's path (ending in `/`) plus the format's file name. */
export function feedUrls(pagePath: string): Feed['urls'] {
  const base = pagePath.endsWith('/') ? pagePath : `${pagePath}/`
  return { rss: `${base}rss.xml`, atom: `${base}atom.xml`, json: `${base}feed.json` }
}

/**
 * The newest articles of an edition, or of one of its lists (`kind` and `slug`), as a feed with
 * absolute URLs; undefined when the list does not exist.
 */
export async function loadFeed(
  context: SiteContext,
  list?: { kind: ListingKind; slug: string },
): Promise<Feed | undefined> {
  const { db, frame, settings } = context
  const language = frame.language
  const absolute = (path: string) => `${frame.siteUrl}${path}`
  let filter: PublishedArticleFilter = { language }
  let title = frame.siteName
  let pagePath = siteUrls.home(language)
  context.uses.add(cacheTags.taxonomy)
  if (!list) context.uses.add(cacheTags.edition(language))
  if (list) {
    const scope = await resolveListingScope(context, list.kind, list.slug)
    if (!scope) return undefined
    filter = scope.filter
    title = `${frame.siteName} — ${scope.title}`
    pagePath = scope.path
  }
  const items = await listLatestArticles(db, filter, FEED_SIZE, frame.now)
  const ids = items.map((item) => item.id)
  for (const item of items) {
    context.uses.add(cacheTags.article(item.id))
    if (item.heroMediaId !== null) context.uses.add(cacheTags.media(item.heroMediaId))
  }
  const [authors, tags, media, whole] = await Promise.all([
    listAuthorsOfArticles(db, ids),
    listTagsOfArticles(db, ids),
    findMediaByIds(
      db,
      items.flatMap((item) => (item.heroMediaId === null ? [] : [item.heroMediaId])),
    ),
    settings.isFeedFullContent ? findArticlesByIds(db, ids) : Promise.resolve(undefined),
  ])
  const host = new URL(frame.siteUrl).host
  const urls = feedUrls(pagePath)
  return {
    language,
    direction: frame.direction,
    title,
    description: frame.about || frame.siteName,
    homeUrl: absolute(pagePath),
    urls: { rss: absolute(urls.rss), atom: absolute(urls.atom), json: absolute(urls.json) },
    updatedAt: items.reduce(
      (newest, item) => (item.updatedAt > newest ? item.updatedAt : newest),
      items[0]?.updatedAt ?? frame.now.toISOString(),
    ),
    items: items.map((item) => {
      const image = item.heroMediaId === null ? undefined : media.get(item.heroMediaId)
      return {
        id: item.id,
        guid: `urn:masthead:${host}:article:${item.id}`,
        url: absolute(articleUrl(context, item)),
        title: item.headline,
        summary: item.dek || item.excerpt,
        contentHtml: whole?.get(item.id)?.bodyHtml,
        publishedAt: item.publishedAt ?? item.updatedAt,
        updatedAt: item.updatedAt,
        authors: (authors.get(item.id) ?? []).map((author) => ({
          name: pickLocalized(author.name, language),
          url: absolute(siteUrls.author(language, author.slug)),
        })),
        categories: (tags.get(item.id) ?? []).map((tag) => tag.name),
        image: image && {
          url: absolute(siteUrls.media(image.storageKey)),
          width: image.width,
          height: image.height,
          type: image.mimeType,
          caption: pickLocalized(image.caption, language) || undefined,
          credit: creditIn(image, language),
        },
      }
    }),
  }
}
