import type { JSONContent } from '@tiptap/react'
import type { Article } from '../api/types.js'

/** An entry of a live story, as `/api/admin/articles/{id}/entries` answers it. */
export interface LiveEntry {
  id: number
  articleId: number
  title: string | null
  bodyDoc: JSONContent
  /** The body as the public page shows it (sanitised on the server). */
  bodyHtml: string
  isKeyEvent: boolean
  isPinned: boolean
  createdAt: string
  /** When it was last edited; null until then. */
  editedAt: string | null
  author: { userId: number; name: string } | null
}

/** A page of a story's entries, newest first, with the cursor to ask for what changes next. */
export interface LiveEntryPage {
  items: LiveEntry[]
  total: number
  page: number
  pageSize: number
  nextChangedSince: string
}

/** What changed since a cursor: entries posted or edited, and the ids deleted. */
export interface LiveEntryChanges {
  items: LiveEntry[]
  deletedIds: number[]
  nextChangedSince: string
}

export type CoverageState = 'live' | 'ended'

/** An article with the fields of a live story (the Admin API answers them for every article). */
export type LiveStory = Article & {
  type: string
  coverageState: CoverageState | null
  coverageStartedAt: string | null
  coverageEndedAt: string | null
}
