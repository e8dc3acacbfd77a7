import type { JSONContent } from '@tiptap/react'

/** The signed-in person, as `/api/admin/session` answers. */
export interface SessionUser {
  id: number
  email: string
  name: string
  role: 'admin' | 'editor' | 'author' | 'contributor'
  /** The interface language the person chose in their profile; null until they choose. */
  uiLanguage: 'en' | 'ar' | null
  hasTwoFactor?: boolean
}

export interface Session {
  user: SessionUser
  csrfToken: string
}

export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished'

export const ARTICLE_STATUSES: readonly ArticleStatus[] = [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
]

/** A row of the article list. */
export interface ArticleSummary {
  id: number
  language: string
  status: ArticleStatus
  headline: string
  slug: string
  sectionId: number
  /** The section's name in the article's language. */
  sectionName: string
  authors: { id: number; slug: string; name: string }[]
  isBreaking: boolean
  publishedAt: string | null
  scheduledAt: string | null
  updatedAt: string
  version: number
}

export interface ArticlePage {
  items: ArticleSummary[]
  total: number
  page: number
  pageSize: number
  pageCount: number
}

export interface EditLock {
  userId: number
  userName: string
  since: string
  refreshedAt: string
}

/** One article as the editor loads it. */
export interface Article {
  id: number
  url: string
  language: string
  status: ArticleStatus
  headline: string
  dek: string
  slug: string
  section: { id: number; slug: string; name: string }
  tags: { id: number; name: string; slug: string }[]
  authors: { id: number; slug: string; name: string }[]
  source: { id: number; slug: string; name: string } | null
  sourceUrl: string | null
  seo: {
    title?: string
    description?: string
    socialTitle?: string
    socialDescription?: string
    imageMediaId?: number
  }
  isBreaking: boolean
  isFeatured: boolean
  pinnedPosition: number | null
  notices: ArticleNotice[]
  translations: { id: number; language: string; status: ArticleStatus }[]
  /** The body as the public page shows it (sanitised on the server). */
  bodyHtml: string
  bodyDoc: JSONContent
  heroMediaId: number | null
  wordCount: number
  scheduledAt: string | null
  publishedAt: string | null
  updatedAt: string
  version: number
  lock: EditLock | null
}

export type NoticeKind = 'correction' | 'clarification' | 'update' | 'editors_note'

/** A public note on an article: a correction, clarification, update or editor's note. */
export interface ArticleNotice {
  id: number
  kind: NoticeKind
  text: string
  createdAt: string
}

/** A byline profile, as `GET /api/admin/authors` lists it. */
export interface Author {
  id: number
  slug: string
  name: Record<string, string>
}

/** A news agency or other source, as `GET /api/admin/sources` lists it. */
export interface Source {
  id: number
  slug: string
  name: Record<string, string>
}

export interface Section {
  id: number
  parentId: number | null
  position: number
  translations: Record<string, { name: string; slug: string }>
}

/** A dashboard panel of articles: the first few and how many there are in all. */
export interface ArticlePanel {
  items: ArticleSummary[]
  total: number
}

/** A message sent with the public site's contact form. */
export interface ContactMessage {
  id: number
  language: string
  name: string
  email: string
  subject: string
  message: string
  createdAt: string
  readAt: string | null
}

/** What `GET /api/admin/dashboard` answers. */
export interface Dashboard {
  myDrafts: ArticlePanel
  inReview: ArticlePanel
  scheduled: ArticlePanel
  recentlyPublished: ArticlePanel
  breaking: ArticlePanel
  contact: { unreadCount: number; latest: ContactMessage[] } | null
  mostReadToday: { id: number; language: string; headline: string; views: number }[]
}
