import { analyzeText, STOP_TERMS } from './analyze-text.js'

/** One thing a query asks for: a word (one term) or an exact phrase (terms in order). */
export interface QueryItem {
  terms: string[]
}

/**
 * A reader's query, analysed like the index: every `all` group must match (a group matches when
 * any of its items does, `a OR b`), and no `none` item may.
 */
export interface SearchQuery {
  all: QueryItem[][]
  none: QueryItem[]
}

/** Longest query read, in characters; the rest is ignored (a 10 KB query is cut, not refused). */
export const LONGEST_QUERY = 500
/** Most items a query keeps. */
const MOST_ITEMS = 12
/** Most terms in one phrase. */
const LONGEST_PHRASE = 12

const PIECE = /(-?)"([^"]*)"?|(\S+)/gu

/** Whether a query can match anything: it needs at least one positive item. */
export function isSearchable(query: SearchQuery): boolean {
  return query.all.length > 0
}

/** Every term a query looks for (not those it excludes), for highlighting. */
export function positiveTerms(query: SearchQuery): string[] {
  return [...new Set(query.all.flatMap((group) => group.flatMap((item) => item.terms)))]
}

/**
 * Parses words, "exact phrases" (an unclosed quote runs to the end), -exclusions and OR between
 * two items. Every term goes through analyzeText, so nothing of the query's syntax survives into
 * the terms; loose stop words are dropped, a query of nothing else matches nothing.
 */
export function parseSearchQuery(input: string): SearchQuery {
  const text = input.slice(0, LONGEST_QUERY).replace(/[\p{Cc}\p{Cf}]/gu, ' ')
  const all: QueryItem[][] = []
  const none: QueryItem[] = []
  let isOrPending = false
  let count = 0
  for (const match of text.matchAll(PIECE)) {
    if (count >= MOST_ITEMS) break
    const [, minus, phrase, word] = match
    if (word === 'OR') {
      isOrPending = all.length > 0
      continue
    }
    const isExcluded = minus === '-' || (word?.startsWith('-') ?? false)
    const terms =
      phrase !== undefined
        ? analyzeText(phrase).slice(0, LONGEST_PHRASE)
        : analyzeText(word ?? '').filter((term) => !STOP_TERMS.has(term))
    if (terms.length === 0) {
      isOrPending = false
      continue
    }
    // A loose word that analyses to several terms (e.g. "covid-19") is searched as a phrase.
    const item: QueryItem = { terms }
    count += 1
    if (isExcluded) none.push(item)
    else if (isOrPending) all.at(-1)?.push(item)
    else all.push([item])
    isOrPending = false
  }
  return { all, none }
}
