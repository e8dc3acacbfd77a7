import { articlePath } from '../modules/articles/article-path.js'
import { tagPath } from '../modules/tags/tag-path.js'

const segment = (value: string) => encodeURIComponent(value)

/** The reader stream of breaking items and live stories (served by the origin, never cached). */
export const LIVE_STREAM_PATH = '/live/stream'

/** Every public path of the site, in one place; Arabic segments are percent-encoded. */
export const siteUrls = {
  home: (language: string) => `/${language}/`,
  section: (language: string, slug: string) => `/${language}/${segment(slug)}/`,
  article: articlePath,
  tag: tagPath,
  author: (language: string, slug: string) => `/${language}/author/${segment(slug)}`,
  source: (language: string, slug: string) => `/${language}/source/${segment(slug)}`,
  page: (language: string, slug: string) => `/${language}/${segment(slug)}`,
  search: (language: string, query?: string) =>
    `/${language}/search${query ? `?q=${encodeURIComponent(query)}` : ''}`,
  media: (storageKey: string) => `/media/${storageKey}`,
  pageView: (articleId: number) => `/api/v1/page-views/${articleId}`,
  /** An edition's stream; site.js adds the live story's `article` on a live page. */
  liveStream: (language: string) => `${LIVE_STREAM_PATH}?lang=${segment(language)}`,
}

/** A path with `?page=n` for pages after the first. */
export function withPage(path: string, page: number): string {
  if (page <= 1) return path
  return `${path}${path.includes('?') ? '&' : '?'}page=${page}`
}
