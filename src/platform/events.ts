/** What changed in the newsroom; the page cache, the search index and webhooks listen. */
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

export type ContentEventListener = (event: ContentEvent) => Promise<void> | void

/** The in-process event bus. Events are published after their transaction commits. */
export interface EventBus {
  publish(event: ContentEvent): Promise<void>
  subscribe(listener: ContentEventListener): () => void
}

/**
 * Calls listeners in the order they subscribed and waits for each, so a save answers only once the
 * search index and page cache follow it. A failing listener is reported and does not stop the rest.
 */
export function createEventBus(options: {
  onListenerError: (error: unknown, event: ContentEvent) => void
}): EventBus {
  const listeners = new Set<ContentEventListener>()
  return {
    async publish(event) {
      for (const listener of listeners) {
        try {
          await listener(event)
        } catch (error) {
          options.onListenerError(error, event)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
