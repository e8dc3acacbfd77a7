import { stemWord } from './analyze-text.js'
import { normalizeText, tokenize } from './normalize-text.js'

/** A piece of display text; `isMatch` pieces are the words a query found. Templates escape both. */
export interface TextSegment {
  text: string
  isMatch: boolean
}

/** A word as written: letters, digits, and the marks and tatweel that normalisation removes. */
const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu
const SNIPPET_WORDS = 30

interface Word {
  start: number
  end: number
  isMatch: boolean
}

/** Index terms of words as written, kept across calls: result pages repeat their vocabulary. */
const termsOfWords = new Map<string, string[]>()
const MOST_CACHED_WORDS = 50_000

function termsOf(word: string): string[] {
  let terms = termsOfWords.get(word)
  if (terms === undefined) {
    terms = tokenize(normalizeText(word)).map(stemWord)
    if (termsOfWords.size >= MOST_CACHED_WORDS) termsOfWords.clear()
    termsOfWords.set(word, terms)
  }
  return terms
}

function wordsOf(text: string, terms: ReadonlySet<string>): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    isMatch: termsOf(match[0]).some((term) => terms.has(term)),
  }))
}

function segmentsOf(text: string, words: Word[], from: number, to: number): TextSegment[] {
  const segments: TextSegment[] = []
  let cursor = from
  const push = (piece: string, isMatch: boolean) => {
    if (piece === '') return
    const last = segments.at(-1)
    if (last && last.isMatch === isMatch) last.text += piece
    else segments.push({ text: piece, isMatch })
  }
  for (const word of words) {
    if (word.start < from || word.end > to || !word.isMatch) continue
    push(text.slice(cursor, word.start), false)
    push(text.slice(word.start, word.end), true)
    cursor = word.end
  }
  push(text.slice(cursor, to), false)
  return segments
}

/** The whole text with the words matching `terms` (index terms) marked. */
export function highlightText(text: string, terms: ReadonlySet<string>): TextSegment[] {
  return segmentsOf(text, wordsOf(text, terms), 0, text.length)
}

/**
 * About thirty words of `text` around its densest run of matches, marked, with an ellipsis where
 * it was cut; the opening words when nothing matches.
 */
export function snippetOf(text: string, terms: ReadonlySet<string>): TextSegment[] {
  const words = wordsOf(text, terms)
  if (words.length === 0) return []
  let best = 0
  let bestCount = -1
  for (let first = 0; first < words.length; first++) {
    if (first > 0 && !words[first]?.isMatch) continue
    const count = words.slice(first, first + SNIPPET_WORDS).filter((word) => word.isMatch).length
    if (count > bestCount) [best, bestCount] = [first, count]
  }
  // Start a few words before the first match, so it reads in context.
  const start = bestCount > 0 ? Math.max(0, best - 4) : 0
  const last = Math.min(words.length, start + SNIPPET_WORDS) - 1
  const from = start === 0 ? 0 : (words[start]?.start ?? 0)
  const to = last === words.length - 1 ? text.length : (words[last]?.end ?? text.length)
  const segments = segmentsOf(text, words, from, to)
  if (from > 0) segments.unshift({ text: '… ', isMatch: false })
  if (to < text.length) segments.push({ text: ' …', isMatch: false })
  return segments
}
