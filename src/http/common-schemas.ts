import { z } from 'zod'

/** Request pieces many routes share, so each rule is written once. */

/** A route's numeric `:id`. */
export const ID_PARAMS = z.strictObject({ id: z.coerce.number().int().positive() })

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
