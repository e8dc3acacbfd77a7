/** What changed in the newsroom; the page cache, the search index and webhooks consume it. */
export const CONTENT_ENTITIES = [
  'article',
  'page',
  'section',
  'tag',
  'author',
  'source',
  'media',
  'settings',
  'gallery',
  /** An update of a live story; `previous.articleId` names the story. */
  'live_entry',
] as const
export type ContentEntity = (typeof CONTENT_ENTITIES)[number]

export const CONTENT_ACTIONS = [
  'created',
  'updated',
  'published',
  'unpublished',
  'deleted',
] as const
export type ContentAction = (typeof CONTENT_ACTIONS)[number]

export interface ContentEvent {
  entity: ContentEntity
  action: ContentAction
  id: number
  /** When the change was committed (ISO 8601). */
  occurredAt: string
  /**
   * What the record was attached to before the change (an article's previous section, tags,
   * authors, source and language), so listeners can also reach what it no longer shows on.
   */
  previous?: Record<string, unknown>
}

/** An event as the outbox delivers it: with its place in the outbox's order. */
export interface DeliveredEvent extends ContentEvent {
  eventId: number
}

/** Hears each committed event once per process, in order. */
export type ContentEventListener = (event: DeliveredEvent) => Promise<void> | void
