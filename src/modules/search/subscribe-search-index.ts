import type { DeliveredEvent } from '../../platform/events.js'
import type { EventOutbox } from '../../platform/outbox/event-outbox.js'
import type { SearchIndex } from './search-index.js'

/** What one event asks of the index. */
async function followEvent(index: SearchIndex, event: DeliveredEvent): Promise<void> {
  if (event.entity === 'article') {
    if (event.action === 'deleted') await index.removeArticles([event.id])
    else await index.indexArticles([event.id])
    return
  }
  if (event.action !== 'updated' && event.action !== 'deleted') return
  const scopes: Record<string, Parameters<SearchIndex['indexArticlesOf']>[0]> = {
    section: { sectionIds: [event.id] },
    tag: { tagIds: [event.id] },
    author: { authorIds: [event.id] },
    source: { sourceIds: [event.id] },
  }
  const scope = scopes[event.entity]
  if (scope) await index.indexArticlesOf(scope)
}

/**
 * Keeps the index in step with the newsroom, once per site: an article's creation, change,
 * publication or withdrawal reindexes it and its deletion removes it; a renamed section, tag,
 * author or source reindexes the articles that carry its name. Writers wait for it, so a search
 * right after a save finds the saved text.
 */
export function subscribeSearchIndex(outbox: EventOutbox, index: SearchIndex): void {
  outbox.consume({
    name: 'search-index',
    isAwaitedByWriters: true,
    async handle(events) {
      // Runs of article events are indexed together, as an import brings them.
      const articleIds = new Set<number>()
      for (const event of events) {
        if (event.entity === 'article' && event.action !== 'deleted') {
          articleIds.add(event.id)
          continue
        }
        if (articleIds.size > 0) await index.indexArticles([...articleIds])
        articleIds.clear()
        await followEvent(index, event)
      }
      if (articleIds.size > 0) await index.indexArticles([...articleIds])
    },
  })
}
