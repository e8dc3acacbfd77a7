import type { EventBus } from '../../platform/events.js'
import type { SearchIndex } from './search-index.js'

/**
 * Keeps the index in step with the newsroom: an article's creation, change, publication or
 * withdrawal reindexes it at once and its deletion removes it; a renamed section, tag, author or
 * source reindexes the articles that carry its name. Returns the unsubscribe function.
 */
export function subscribeSearchIndex(events: EventBus, index: SearchIndex): () => void {
  return events.subscribe(async (event) => {
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
  })
}
