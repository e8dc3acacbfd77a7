import type { ArticleDocument } from '../articles/document/article-document.js'

/** One update of a live story, as stored (deleted entries are never answered). */
export interface LiveEntry {
  id: number
  articleId: number
  authorUserId: number | null
  title: string | null
  bodyDoc: ArticleDocument
  bodyHtml: string
  isKeyEvent: boolean
  isPinned: boolean
  createdAt: string
  /** When it was last edited; null for an entry never changed since it was posted. */
  editedAt: string | null
}

/** What a newsroom user writes: the body as a document, and the entry's flags. */
export interface LiveEntryInput {
  title?: string | null
  bodyDoc?: ArticleDocument
  isKeyEvent?: boolean
  isPinned?: boolean
}
