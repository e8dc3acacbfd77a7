const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const ELLIPSIS = '…'

/**
 * Text cut to at most `maxLength` UTF-16 units (how the API's schemas count), ending in "…" when
 * cut. It cuts between whole graphemes, so an emoji, an Arabic letter with its harakat, or a
 * flag is never split into broken halves.
 */
export function fitText(
  text: string,
  maxLength: number,
  options: {
    /** Cut after the last whole word instead, when one ends in the second half of what fits. */
    atWordEnd?: boolean
  } = {},
): string {
  if (text.length <= maxLength) return text
  let fitted = ''
  for (const { segment } of graphemes.segment(text)) {
    if (fitted.length + segment.length + ELLIPSIS.length > maxLength) break
    fitted += segment
  }
  const lastSpace = fitted.trimEnd().lastIndexOf(' ')
  if (options.atWordEnd && lastSpace > maxLength / 2) fitted = fitted.slice(0, lastSpace)
  return `${fitted.trimEnd()}${ELLIPSIS}`
}
