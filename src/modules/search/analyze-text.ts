import { stemmer } from 'stemmer'
import { stemArabic } from './arabic-stemmer.js'
import { normalizeText, tokenize } from './normalize-text.js'

const ARABIC_LETTER = /[\u0600-\u06FF]/
const LATIN_LETTER = /[a-z]/

/** Stems already computed: a news vocabulary repeats, and indexing stems millions of words. */
const stems = new Map<string, string>()
const MOST_CACHED_STEMS = 100_000

function computeStem(word: string): string {
  if (ARABIC_LETTER.test(word)) return stemArabic(word)
  if (LATIN_LETTER.test(word) && !/\d/.test(word)) return stemmer(word)
  return word
}

/** The index term of one normalised word: Arabic light stem, English Porter stem, or as it is. */
export function stemWord(word: string): string {
  let stem = stems.get(word)
  if (stem === undefined) {
    stem = computeStem(word)
    if (stems.size >= MOST_CACHED_STEMS) stems.clear()
    stems.set(word, stem)
  }
  return stem
}

/** The index terms of any text, in order: normalised, split into words, stemmed. */
export function analyzeText(text: string): string[] {
  return tokenize(normalizeText(text)).map(stemWord)
}

/**
 * Words too common to search on alone, in their stemmed form (English and Arabic). They are
 * indexed, so phrases keep them, but a query's loose words skip them.
 */
export const STOP_TERMS: ReadonlySet<string> = new Set(
  [
    'a an and are as at be by for from has have in is it its of on or that the this to was were will with not near',
    'في من الي علي عن ان او ثم مع هذا هذه ذلك تلك التي الذي كان قد لا ما لم لن هو هي كل بعد قبل بين حتي عند',
  ]
    .join(' ')
    .split(' ')
    .map(stemWord),
)
