import { z } from 'zod'

/** Request pieces many routes share, so each rule is written once. */

/**
 * The largest id a record can have. Ids (and versions and revision numbers) are SQL `integer`
 * columns, which PostgreSQL keeps in 32 bits: it refuses even to compare one with a larger number,
 * so a larger id must stop at the edge, the same on both databases.
 */
export const LARGEST_ID = 2_147_483_647

/** A record's id in a JSON body: 1 to LARGEST_ID; anything else is a 400 naming the field. */
export const ID = z.number().int().min(1).max(LARGEST_ID)

/** A record's id in a query string or a path, where it arrives as text. */
export const ID_TEXT = z.coerce.number().int().min(1).max(LARGEST_ID)

/** A route's numeric `:id`. */
export const ID_PARAMS = z.strictObject({ id: ID_TEXT })

/** The id written as text in a path or an attribute (`42`), or undefined when no record can have it. */
export function parseId(text: string): number | undefined {
  return /^\d+$/.test(text) ? ID.safeParse(Number(text)).data : undefined
}

/** An edition's language code. */
export const LANGUAGE_CODE = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as en or ar')

/** A URL slug in any script: letters and digits joined by single hyphens. */
export const SLUG = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, 'letters and digits joined by hyphens')

/** Display text by language code: `{"en": "…", "ar": "…"}`. */
export function localizedText(longest: number) {
  return z.record(LANGUAGE_CODE, z.string().trim().max(longest))
}
