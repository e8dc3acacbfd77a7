const ALEF_LAM = 'ال'
/** Lucene's light-stemmer prefixes, longest first; at most one is removed. */
const PREFIXES = [ALEF_LAM, 'وال', 'بال', 'كال', 'فال', 'لل', 'و'] as const
/**
 * Suffixes in Lucene's order, on normalised text (teh marbuta is already heh, so Lucene's ية and ة
 * entries are يه and ه); each one that still matches is removed in turn.
 */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const

function stripPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    // A lone waw is only a prefix of a word of four letters or more; the others leave two.
    if (prefix.length === 1 && word.length < 4) continue
    if (word.length < prefix.length + 2) continue
    if (word.startsWith(prefix)) return word.slice(prefix.length)
  }
  return word
}

function stripSuffixes(word: string): string {
  let stem = word
  for (const suffix of SUFFIXES) {
    if (stem.length >= suffix.length + 2 && stem.endsWith(suffix))
      stem = stem.slice(0, -suffix.length)
  }
  return stem
}

/**
 * Light stemming of a normalised Arabic word, as Lucene's ArabicStemmer (Larkey et al.): one
 * prefix (the definite article, و, ب/ك/ف + article, لل), then the common suffixes. No broken
 * plurals.
 */
export function stemArabic(word: string): string {
  return stripSuffixes(stripPrefix(word))
}
