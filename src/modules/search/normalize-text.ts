/** Bidi and zero-width controls: stripped before anything else (STANDARDS §5.3, §6.1). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g
/** Arabic harakat, Quranic marks and the superscript alef. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g
const TATWEEL = /\u0640/g
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g
/** Hamza on waw and yeh, folded to the bare carrier (the issue asks for it; Lucene does not). */
const HAMZA_ON_WAW = /\u0624/g
const HAMZA_ON_YEH = /\u0626/g
const ALEF_MAQSURA = /\u0649/g
const TEH_MARBUTA = /\u0629/g
const PERSIAN_KAF = /\u06A9/g
const PERSIAN_YEH = /\u06CC/g
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/g
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/g
/** Combining marks left after NFD on Latin letters (é → e), as FTS5's remove_diacritics does. */
const COMBINING = /\p{Mn}/gu

/**
 * The one text folding used when indexing and when querying: NFKC, controls removed, lower case,
 * Arabic marks and tatweel removed, alef, hamza, yeh and teh marbuta forms folded, Arabic-Indic
 * and Persian digits made ASCII, and Latin diacritics removed. Keeps everything else, spaces and
 * punctuation included; tokenize() splits the result.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(HAMZA_ON_WAW, '\u0648')
    .replace(HAMZA_ON_YEH, '\u064A')
    .replace(ALEF_MAQSURA, '\u064A')
    .replace(TEH_MARBUTA, '\u0647')
    .replace(PERSIAN_KAF, '\u0643')
    .replace(PERSIAN_YEH, '\u064A')
    .replace(ARABIC_INDIC_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x660))
    .replace(PERSIAN_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x6f0))
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING, '')
    .normalize('NFC')
}

const WORD = /[\p{L}\p{N}]+/gu

/** The words of normalised text: runs of letters and digits; everything else separates. */
export function tokenize(normalized: string): string[] {
  return normalized.match(WORD) ?? []
}
