import type { LocalizedText } from '../../platform/localized-text.js'
import type { MediaItem } from './media-queries.js'

/**
 * The credit a page in `language` shows under a picture: the credit in that language's own words
 * when the item has one, else its one credit (never another language's form).
 */
export function creditIn(
  item: Pick<MediaItem, 'credit' | 'creditByLanguage'>,
  language: string,
): string | undefined {
  return item.creditByLanguage[language] || item.credit || undefined
}

/** The credits per language after an edit: the changed forms replace theirs, an empty one goes. */
export function mergeCredits(before: LocalizedText, changes: LocalizedText): LocalizedText {
  return Object.fromEntries(
    Object.entries({ ...before, ...changes }).filter(([, credit]) => credit !== ''),
  )
}
