const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const ELLIPSIS = '…'

/**
 * Text cut to at most `maxLength` UTF-16 units (how the API's schemas count), ending in "…" when
 * cut. It cuts between whole graphemes, so an emoji, an Arabic letter with its harakat, or a
 * flag is never split into broken halves.
 */
export function fitText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  let fitted = ''
  for (const { segment } of graphemes.segment(text)) {
    if (fitted.length + segment.length + ELLIPSIS.length > maxLength) break
    fitted += segment
  }
  return `${fitted.trimEnd()}${ELLIPSIS}`
}
