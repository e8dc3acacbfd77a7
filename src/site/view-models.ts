import type { NoticeKind } from '../db/database.js'
import type { EntryByline } from '../modules/live/live-entry-bylines.js'
import type { LiveEntry } from '../modules/live/live-entry.js'
import type { Translate } from './i18n/messages.js'

/** A link with its text. */
export interface Link {
  label: string
  url: string
}

export interface NavigationSection extends Link {
  children: Link[]
}

/** An image ready for a template: path, size and alternative text. */
export interface ImageView {
  /** The JPEG fallback once variants exist, else the original. */
  src: string
  width: number
  height: number
  alt: string
  caption?: string
  credit?: string
  /** The JPEG widths (`/media/… 320w, …`), once the variant job has made them. */
  srcset?: string
  /** AVIF and WebP sources for `<picture>`, best first. */
  sources?: { type: string; srcset: string }[]
  /** The 1200×630 focal crop for Open Graph and cards in feeds of social networks. */
  social?: { src: string; width: number; height: number }
}

/** What every page shares: the edition, its navigation, breaking items and footer. */
export interface Frame {
  language: string
  direction: 'ltr' | 'rtl'
  /** BCP 47 locale for Intl, with the digits style. */
  locale: string
  timeZone: string
  now: Date
  siteUrl: string
  siteName: string
  about: string
  /** The settings' footer line in this edition; the copyright line stands in when empty. */
  footerText: string
  t: Translate
  navigation: NavigationSection[]
  breaking: Link[]
  footerPages: Link[]
  socialLinks: { network: string; url: string }[]
  /** Where the language switcher leads by default: the other edition's home. */
  otherEdition: { language: string; url: string }
  /** Today's date for the header (and the Hijri date in the Arabic edition). */
  dateLine: string
  /** The logo uploaded in the settings; the site name stands in for it in the header when unset. */
  logo?: { src: string; width: number; height: number }
  /** `theme`: the stylesheet of the settings' accent colour, when it is not site.css's own. */
  assets: { css: string; js: string; icon: string; theme?: string }
}

/** What an entry of a live story needs of the frame: the reader stream and the API build it too. */
export type EntryFrame = Pick<Frame, 'language' | 'locale' | 'timeZone' | 'now' | 't'>

/** An article as lists and cards show it. */
export interface ArticleCard {
  id: number
  url: string
  headline: string
  dek: string
  section: Link
  publishedAt: string
  image: ImageView | undefined
  isBreaking: boolean
  /** A live story whose coverage is still live. */
  isLive: boolean
}

/** What a page adds to the document head. */
export interface PageHead {
  title: string
  description: string
  /** Absolute canonical URL. */
  canonical: string
  /** hreflang alternates (absolute URLs), the page's own language included. */
  alternates?: { hreflang: string; url: string }[]
  type?: 'website' | 'article'
  image?: ImageView
  /** Extra meta tags, e.g. article:published_time. */
  meta?: { property: string; content: string }[]
  jsonLd?: unknown
  /** The URL the language switcher leads to, when the page has a translation. */
  translationUrl?: string
  isNoIndex?: boolean
  /** What social networks show instead of the title and description. */
  social?: { title: string; description: string }
  /** The page's own feeds (a section's, a tag's), announced beside the edition's. */
  feed?: { title: string; rss: string; atom: string; json: string }
}

/** A photo gallery, in the edition's language. */
export interface GalleryView {
  id: number
  title: string
  items: ImageView[]
}

/** Everything the article page shows. */
export interface ArticleView {
  id: number
  type: string
  url: string
  headline: string
  dek: string
  excerpt: string
  /** The newsroom's search and social overrides (empty strings when none). */
  seo: { title: string; description: string; socialTitle: string; socialDescription: string }
  trail: Link[]
  bylines: Link[]
  publishedAt: string
  /** Set when the article changed meaningfully after publication. */
  updatedAt: string | undefined
  heroImage: ImageView | undefined
  heroGallery: GalleryView | undefined
  /** The sanitised body with galleries and related-story cards filled in. */
  bodyHtml: string
  wordCount: number
  source: (Link & { organization: string }) | undefined
  tags: Link[]
  notices: { kind: NoticeKind; text: string; date: string }[]
  related: ArticleCard[]
  translation: { language: string; url: string } | undefined
  /** A live story's coverage and the page of its entries asked for; undefined for other types. */
  live: LiveCoverageView | undefined
}

/** An entry of a live story with its writer's byline, ready for LiveEntryArticle. */
export interface LiveEntryItem {
  entry: LiveEntry
  byline: EntryByline | undefined
}

/** A live story's coverage as its page shows it: one page of entries, newest first. */
export interface LiveCoverageView {
  state: 'live' | 'ended'
  startedAt: string | undefined
  endedAt: string | undefined
  /** The newest change: the newest entry's post or edit, else the coverage's start. */
  modifiedAt: string | undefined
  entries: LiveEntryItem[]
  /** The pinned entry, and its permalink: `#entry-{id}`, with `?page=n` when on another page. */
  pinned: (LiveEntryItem & { permalink: string }) | undefined
  /** The key events, newest first: a title (or the first words) linking to the entry. */
  keyEvents: { id: number; text: string; createdAt: string; permalink: string }[]
  /** The newest entries for the JSON-LD's liveBlogUpdate. */
  latest: LiveEntryItem[]
  page: number
  pageCount: number
  /** The feeds of the story's entries (site paths). */
  feeds: { rss: string; atom: string; json: string }
}
