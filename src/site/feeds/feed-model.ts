/** One entry of a feed, whatever the format. */
export interface FeedItem {
  id: number
  /** The article's permanent id in every feed and format: `urn:masthead:{host}:article:{id}`. */
  guid: string
  url: string
  title: string
  summary: string
  contentHtml: string | undefined
  publishedAt: string
  updatedAt: string
  authors: { name: string; url: string }[]
  categories: string[]
  image:
    | {
        url: string
        width: number
        height: number
        type: string
        caption: string | undefined
        credit: string | undefined
      }
    | undefined
}

/** A feed: its identity, where it lives and its newest items. */
export interface Feed {
  language: string
  direction: 'ltr' | 'rtl'
  title: string
  description: string
  /** The HTML page the feed follows. */
  homeUrl: string
  /** The feed's own URLs, by format. */
  urls: { rss: string; atom: string; json: string }
  /** The newest change among the items: the feed's Last-Modified. */
  updatedAt: string
  items: FeedItem[]
}

/** Wraps Arabic HTML so feed readers, which ignore our stylesheet, show it right to left. */
export function directedHtml(feed: Feed, html: string): string {
  return feed.direction === 'rtl' ? `<div dir="rtl" lang="${feed.language}">${html}</div>` : html
}
