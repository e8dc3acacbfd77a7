import type { Article, LiveEntry, LiveEntryList } from '../api/types.js'

/** The live desk's names for what the Admin API answers (generated from its OpenAPI document). */

export type { LiveEntry }

/** A page of a story's entries, newest first, with the cursor to ask for what changes next. */
export type LiveEntryPage = Extract<LiveEntryList, { total: number }>

/** What changed since a cursor: entries posted or edited, and the ids deleted. */
export type LiveEntryChanges = Extract<LiveEntryList, { deletedIds: number[] }>

export type CoverageState = NonNullable<Article['coverageState']>

/** A live story is an article; its coverage fields are on every article the API answers. */
export type LiveStory = Article
