import { z } from 'zod'

/**
 * Pieces of the Admin API's response schemas (see defineRoute's `response`). They document what
 * the server sends, so they are loose where a request schema is strict: an instant is any string
 * the database gives back, a text by language any string map.
 */

/** An instant as the API writes it (ISO 8601). */
export const INSTANT = z.string().describe('ISO 8601 instant')

/** Display text by language code: `{"en": "…", "ar": "…"}`. */
export const TEXT_BY_LANGUAGE = z.record(z.string(), z.string())

/** A page of a list: its items and where it is in the whole. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
  })
}

/** A whole list in one answer: `{ "items": [...] }`. */
export function listOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item) })
}
