/** Marks that are not part of a slug: Arabic harakat and other combining marks, and tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g
const BIDI_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g
const ACCENTED_LATIN = /[\u00C0-\u024F\u1E00-\u1EFF]/g
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g
const LONGEST_SLUG = 60

/**
 * A URL slug in the text's own script (STANDARDS §5.8): NFKC, harakat and tatweel removed, Latin
 * accents folded, Arabic-Indic digits to ASCII, punctuation (Arabic too) dropped, spaces to
 * hyphens, at most 60 characters, cut after the last whole word that fits.
 * Arabic stays Arabic; links percent-encode it.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .replace(BIDI_CONTROLS, '')
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_INDIC_DIGITS, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90))
    .replace(ACCENTED_LATIN, (letter) => letter.normalize('NFD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return cutAtWordBoundary(slug, LONGEST_SLUG)
}

/**
 * The longest run of whole words (hyphen-separated) of at most `limit` characters; a first word
 * longer than the limit is cut, as there is no boundary to cut at.
 */
function cutAtWordBoundary(slug: string, limit: number): string {
  const characters = [...slug]
  if (characters.length <= limit) return slug
  // One character past the limit: if it is a hyphen, the word before it ends exactly at the limit.
  const withNext = characters.slice(0, limit + 1).join('')
  const lastBoundary = withNext.lastIndexOf('-')
  if (lastBoundary <= 0) return characters.slice(0, limit).join('')
  return withNext.slice(0, lastBoundary)
}
