import { api } from '../../api/client.js'
import type { Author, Source } from '../../api/types.js'

/** Loads a list once per page load; a failure is forgotten so the next call tries again. */
function loadOnce<T>(path: string): () => Promise<T[]> {
  let cached: Promise<T[]> | undefined
  return () => {
    cached ??= api<{ items: T[] }>('GET', path).then(
      (page) => page.items,
      (error: unknown) => {
        cached = undefined
        throw error
      },
    )
    return cached
  }
}

/** Every byline profile (a newsroom has dozens, not thousands). */
export const loadAuthors = loadOnce<Author>('authors')

/** Every source (agencies and the like). */
export const loadSources = loadOnce<Source>('sources')

/** A name in the article's language, falling back to any language it has. */
export function localName(name: Record<string, string>, language: string): string {
  return name[language] ?? Object.values(name)[0] ?? ''
}
