/**
 * The tags a cached response carries for what it was built from, also sent to CDNs as
 * Surrogate-Key and Cache-Tag (STANDARDS §9.3): ASCII ids, never slugs. Two families:
 * what a page shows (an article, a tag's name, a picture) and which list it is (an edition, a
 * section, a tag's articles), so that publishing purges the lists that must now show an article
 * without touching every page that merely names the same tag.
 */
export const cacheTags = {
  /** Sections, settings, editions and footer pages: the frame of every page. */
  site: 'site',
  /** Names of tags, authors and sources in lists of them (content API, sitemaps, feeds). */
  taxonomy: 'taxonomy',
  article: (id: number) => `a:${id}`,
  /** Article pages of a translation group: they link to the group's live translations. */
  translations: (group: string) => `tg:${group}`,
  breaking: (language: string) => `breaking:${language}`,
  /** Lists of a whole edition: home, edition feeds, the content API's unfiltered list. */
  edition: (language: string) => `edition:${language}`,
  sectionList: (id: number, language: string) => `section:${id}:${language}`,
  tagList: (id: number) => `tag:${id}`,
  authorList: (id: number, language: string) => `author:${id}:${language}`,
  sourceList: (id: number, language: string) => `source:${id}:${language}`,
  search: (language: string) => `search:${language}`,
  sitemaps: (language: string) => `sitemap:${language}`,
  tag: (id: number) => `t:${id}`,
  author: (id: number) => `au:${id}`,
  source: (id: number) => `src:${id}`,
  media: (id: number) => `m:${id}`,
  /** Pages that show a gallery: its title, captions, credits and the order of its pictures. */
  gallery: (id: number) => `g:${id}`,
} as const
