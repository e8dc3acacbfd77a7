import { startOfLocalDay, startOfNextLocalDay } from '../api/local-days.js'
import type { ArticleStatus } from '../api/types.js'
import { ARTICLE_STATUSES } from '../editor/workflow.js'

/** The article list's filters, as kept in the address (`/articles?section=…&page=2`). */
export interface ArticleFilters {
  status: ArticleStatus | ''
  language: string
  /** A section slug. */
  section: string
  /** A tag slug. */
  tag: string
  /** An author slug. */
  author: string
  /** `true`: only the articles the signed-in person created or is bylined on. */
  mine: '' | 'true'
  /** Days (YYYY-MM-DD), both included. */
  updatedFrom: string
  updatedTo: string
  q: string
  sort: ArticleSort
  page: number
}

export const ARTICLE_SORTS = ['updated', 'published', 'headline'] as const
export type ArticleSort = (typeof ARTICLE_SORTS)[number]

const DAY = /^\d{4}-\d{2}-\d{2}$/

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  values.includes(value as T) ? (value as T) : ''

/** Reads the filters from the address; anything malformed is left out rather than sent on. */
export function readArticleFilters(query: URLSearchParams): ArticleFilters {
  const day = (name: string) => {
    const value = query.get(name) ?? ''
    return DAY.test(value) ? value : ''
  }
  return {
    status: oneOf(ARTICLE_STATUSES, query.get('status')),
    language: query.get('language') ?? '',
    section: query.get('section') ?? '',
    tag: query.get('tag') ?? '',
    author: query.get('author') ?? '',
    mine: query.get('mine') === 'true' ? 'true' : '',
    updatedFrom: day('updatedFrom'),
    updatedTo: day('updatedTo'),
    q: query.get('q') ?? '',
    sort: oneOf(ARTICLE_SORTS, query.get('sort')) || 'updated',
    page: Math.max(1, Math.trunc(Number(query.get('page'))) || 1),
  }
}

/** The address of the list with these filters; defaults are left out to keep links short. */
export function articleListPath(filters: ArticleFilters): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) {
    const isDefault =
      value === '' || (name === 'page' && value === 1) || (name === 'sort' && value === 'updated')
    if (!isDefault) search.set(name, String(value))
  }
  const text = search.toString()
  return text ? `/articles?${text}` : '/articles'
}

/** The Admin API's query for these filters: days become the instants of the local days. */
export function articleListQuery(
  filters: ArticleFilters,
  pageSize: number,
): Record<string, string | number> {
  const query: Record<string, string | number> = {
    sort: filters.sort,
    page: filters.page,
    pageSize,
  }
  for (const name of ['status', 'language', 'section', 'tag', 'author', 'mine', 'q'] as const) {
    if (filters[name]) query[name] = filters[name]
  }
  if (filters.updatedFrom) query.updatedFrom = startOfLocalDay(filters.updatedFrom)
  if (filters.updatedTo) query.updatedTo = startOfNextLocalDay(filters.updatedTo)
  return query
}
