/**
 * A generated archive for the search benchmark: invented words built from syllables (English) and
 * letters (Arabic), drawn with a Zipf distribution like real text, so that some words are in most
 * articles and most words in few. Deterministic: the same seed gives the same archive.
 */
const EN_SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'ti',
  'san',
  'dor',
  'vel',
  'pra',
  'nu',
  'ston',
  'ber',
  'gal',
  'ri',
  'shen',
  'tal',
  'mo',
]
const AR_LETTERS = ['ب', 'ت', 'ج', 'د', 'ر', 'س', 'ع', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي']
const AR_DIACRITICS = ['\u064E', '\u064F', '\u0650', '']
const VOCABULARY_SIZE = 20_000

/** A small deterministic random generator (mulberry32). */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function vocabulary(parts: string[], seed: number, join: (pieces: string[]) => string): string[] {
  const random = randomGenerator(seed)
  const words = new Set<string>()
  while (words.size < VOCABULARY_SIZE) {
    const length = 2 + Math.floor(random() * 3)
    words.add(join(Array.from({ length }, () => parts[Math.floor(random() * parts.length)] ?? '')))
  }
  return [...words]
}

export const ENGLISH_WORDS = vocabulary(EN_SYLLABLES, 1, (pieces) => pieces.join(''))
/** Arabic words of three to five letters; the article is added to some when writing. */
export const ARABIC_WORDS = vocabulary(
  AR_LETTERS,
  2,
  (pieces) => pieces.join('') + 'ا'.repeat(pieces.length % 2),
)

/** Cumulative Zipf weights (s = 1) over the vocabulary, to draw a word's rank. */
const CUMULATIVE = (() => {
  const weights = Array.from({ length: VOCABULARY_SIZE }, (_, rank) => 1 / (rank + 1))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  let running = 0
  return weights.map((weight) => (running += weight / total))
})()

export function zipfRank(random: () => number): number {
  const target = random()
  let low = 0
  let high = CUMULATIVE.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if ((CUMULATIVE[middle] ?? 1) < target) low = middle + 1
    else high = middle
  }
  return low
}

/** `count` words of a language, Arabic with the definite article and diacritics here and there. */
export function sentence(language: 'en' | 'ar', count: number, random: () => number): string {
  const words: string[] = []
  for (let index = 0; index < count; index++) {
    const rank = zipfRank(random)
    if (language === 'en') {
      words.push(ENGLISH_WORDS[rank] ?? '')
      continue
    }
    let word = ARABIC_WORDS[rank] ?? ''
    if (random() < 0.3) word = `ال${word}`
    if (random() < 0.1)
      word = [...word]
        .map((letter) => letter + (AR_DIACRITICS[Math.floor(random() * 4)] ?? ''))
        .join('')
    words.push(word)
  }
  return words.join(' ')
}
