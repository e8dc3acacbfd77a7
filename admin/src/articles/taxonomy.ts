import { api } from '../api/client.js'
import type { AnswerOf, Author } from '../api/types.js'

/** A byline profile as the Admin API lists it; names by language. */
export type AuthorOption = Author

/** A tag of an edition, with how many published articles carry it. */
export type TagOption = AnswerOf<'getApiAdminTags'>['items'][number]

let authors: Promise<AuthorOption[]> | undefined

/** The byline profiles, loaded once per page load. */
export function loadAuthors(): Promise<AuthorOption[]> {
  authors ??= api<{ items: AuthorOption[] }>('GET', 'authors').then(
    (page) => page.items,
    (error: unknown) => {
      authors = undefined
      throw error
    },
  )
  return authors
}

/** The tags of an edition. */
export async function loadTags(language: string): Promise<TagOption[]> {
  return (await api<{ items: TagOption[] }>('GET', 'tags', { query: { language } })).items
}

/** A localized name in a language, falling back to any it has. */
export function nameIn(name: Record<string, string>, language: string): string {
  return name[language] ?? Object.values(name)[0] ?? ''
}
