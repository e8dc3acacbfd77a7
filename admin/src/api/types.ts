import type { JSONContent } from '@tiptap/react'

/** The signed-in person, as `/api/admin/session` answers. */
export interface SessionUser {
  id: number
  email: string
  name: string
  role: 'admin' | 'editor' | 'author' | 'contributor'
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
  isBreaking: boolean
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
  bodyDoc: JSONContent
  heroMediaId: number | null
  wordCount: number
  scheduledAt: string | null
  publishedAt: string | null
  updatedAt: string
  version: number
  lock: EditLock | null
}

export interface Section {
  id: number
  parentId: number | null
  position: number
  translations: Record<string, { name: string; slug: string }>
}
