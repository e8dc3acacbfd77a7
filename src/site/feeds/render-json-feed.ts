import { directedHtml, type Feed } from './feed-model.js'

/** JSON Feed 1.1. */
export function renderJsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    language: feed.language,
    items: feed.items.map((item) => ({
      id: item.guid,
      url: item.url,
      title: item.title,
      summary: item.summary,
      ...(item.contentHtml
        ? { content_html: directedHtml(feed, item.contentHtml) }
        : { content_text: item.summary }),
      date_published: item.publishedAt,
      date_modified: item.updatedAt,
      authors: item.authors,
      tags: item.categories,
      language: feed.language,
      ...(item.image ? { image: item.image.url } : {}),
    })),
  })
}
