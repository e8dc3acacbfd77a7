import type { ArticleStatus, ArticleType, CoverageState, NoticeKind } from '../../db/database.js'
import type { ArticleDocument } from './document/article-document.js'

export type { ArticleStatus, ArticleType, CoverageState, NoticeKind }

/** Overrides of what search engines and social networks show; the headline and dek otherwise. */
export interface ArticleSeo {
  title?: string
  description?: string
  /** og:title and twitter:title, when a post on a network wants other words than the page. */
  socialTitle?: string
  socialDescription?: string
  imageMediaId?: number
}

export interface ArticleNotice {
  id: number
  kind: NoticeKind
  text: string
  /** The revision whose save published it; null when none did (an import). */
  revisionId: number | null
  createdAt: string
}

/** What lists and cards show of an article. */
export interface ArticleSummary {
  id: number
  language: string
  sectionId: number
  type: ArticleType
  headline: string
  dek: string
  slug: string
  excerpt: string
  heroMediaId: number | null
  heroGalleryId: number | null
  sourceId: number | null
  isBreaking: boolean
  /** When the breaking flag lapses; null while an editor keeps it on. */
  breakingUntil: string | null
  isFeatured: boolean
  pinnedPosition: number | null
  publishedAt: string | null
  updatedAt: string
  /** A live story's coverage (`live` or `ended`); null for every other type. */
  coverageState: CoverageState | null
}

/** A whole article as stored, with its corrections and updates. */
export interface Article extends ArticleSummary {
  translationGroup: string | null
  status: ArticleStatus
  bodyDoc: ArticleDocument
  bodyHtml: string
  sourceUrl: string | null
  seo: ArticleSeo
  scheduledAt: string | null
  createdAt: string
  version: number
  createdBy: number | null
  updatedBy: number | null
  /** When a live story was first published, and when its coverage ended. */
  coverageStartedAt: string | null
  coverageEndedAt: string | null
  notices: ArticleNotice[]
}

/** What it takes to store a new article; ids of sections, authors and tags are already resolved. */
export interface NewArticle {
  language: string
  translationGroup?: string | null
  sectionId: number
  status: ArticleStatus
  type?: ArticleType
  headline: string
  dek?: string
  /** Generated from the headline when omitted. */
  slug?: string
  bodyDoc: ArticleDocument
  /** Taken from the first paragraphs when omitted. */
  excerpt?: string
  heroMediaId?: number | null
  heroGalleryId?: number | null
  sourceId?: number | null
  sourceUrl?: string | null
  isBreaking?: boolean
  breakingUntil?: string | null
  coverageState?: CoverageState | null
  coverageStartedAt?: string | null
  isFeatured?: boolean
  pinnedPosition?: number | null
  seo?: ArticleSeo
  publishedAt?: string | null
  scheduledAt?: string | null
  /** The last editorial change; now when omitted (imports and the demo pass their own). */
  updatedAt?: string
  authorIds?: number[]
  tagIds?: number[]
  relatedArticleIds?: number[]
  notices?: { kind: NoticeKind; text: string; createdAt?: string }[]
  createdBy?: number | null
}
