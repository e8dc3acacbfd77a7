import { fitText } from '../platform/fit-text.js'
import type { ImportReport } from './import-report.js'

/** How long an item's title may be where the report names it. */
const NAME_LENGTH = 80

/** An item as the report names it: `post 42 "Its title"`, a long title cut. */
export function reportName(kind: string, id: string | number, title: string): string {
  return `${kind} ${id} "${fitText(title, NAME_LENGTH)}"`
}

/**
 * An imported text fitted to the limit the Admin API puts on its field (the limit is the API's
 * own constant, passed in), so that the newsroom can save what was imported. A longer text is
 * kept, cut at a grapheme with "…", rather than the item refused, and the report names it.
 */
export function fitImportedText(
  report: ImportReport,
  input: { item: string; field: string; text: string; limit: number },
): string {
  const fitted = fitText(input.text, input.limit)
  if (fitted !== input.text) {
    const { item, field, text, limit } = input
    report.shortened.push({ item, field, length: text.length, limit })
  }
  return fitted
}
