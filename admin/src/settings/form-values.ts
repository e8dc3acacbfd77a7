import type { ApiErrorItem } from '../api/api-error.js'
import { KNOWN_MESSAGES, messageWithoutProperty, type FieldMessage } from '../api/field-errors.js'
import type { MessageKey } from '../i18n/messages.js'

/** What a settings form holds: text inputs as strings, checkboxes as booleans, lists as arrays. */
export type FormValue = string | boolean | string[]
export type FormValues = Record<string, FormValue>

/** The languages content is written in; forms show one input per language. */
export const CONTENT_LANGUAGES = ['en', 'ar'] as const
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number]

export interface FormErrors {
  fields: Record<string, FieldMessage>
  /** Errors that concern no field of the form (shown above it). */
  general: ApiErrorItem[]
}

/**
 * The form field an API `property` concerns: the field of that name, or the one it points into
 * (`socialLinks.0.url` → `socialLinks.0.url`, `name.ar` → `name.ar`, `items.2` → `items`), or for
 * a per-language value as a whole (`name`) its first language's input.
 */
export function fieldOfProperty(
  property: string | undefined,
  fieldNames: readonly string[],
): string | undefined {
  if (!property) return undefined
  const parts = property.split('.')
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.')
    if (fieldNames.includes(candidate)) return candidate
  }
  return fieldNames.find((name) => name.startsWith(`${property}.`))
}

/** Validation messages of the settings' inputs, shown in the interface language. */
const SETTINGS_MESSAGES: [RegExp, MessageKey][] = [
  [/a path on this site, starting with \//i, 'errorPathOnSite'],
  [/^invalid url/i, 'errorUrl'],
  [/a colour as #rrggbb/i, 'errorColour'],
  [/cannot point to itself/i, 'errorRedirectToItself'],
]

/** Sorts API errors into the first per field (in the interface's words when known) and the rest. */
export function mapErrorsToForm(
  errors: readonly ApiErrorItem[],
  fieldNames: readonly string[],
): FormErrors {
  const result: FormErrors = { fields: {}, general: [] }
  for (const error of errors) {
    const field = fieldOfProperty(error.property, fieldNames)
    if (!field) result.general.push(error)
    else if (!result.fields[field]) {
      const text = messageWithoutProperty(error)
      const key = [...KNOWN_MESSAGES, ...SETTINGS_MESSAGES].find(([pattern]) =>
        pattern.test(text),
      )?.[1]
      result.fields[field] = key ? { key } : { text }
    }
  }
  return result
}

/** A text value of the form, trimmed ('' when absent or not text). */
export function textOf(values: FormValues, name: string): string {
  const value = values[name]
  return typeof value === 'string' ? value.trim() : ''
}

/** `{ en, ar }` from the inputs `name.en` and `name.ar`, leaving out empty languages. */
export function localizedOf(values: FormValues, name: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const language of CONTENT_LANGUAGES) {
    const text = textOf(values, `${name}.${language}`)
    if (text) result[language] = text
  }
  return result
}

/** The inputs `name.en`, `name.ar` filled from a per-language value. */
export function localizedValues(
  name: string,
  text: Partial<Record<string, string>> | undefined,
): FormValues {
  return Object.fromEntries(
    CONTENT_LANGUAGES.map((language) => [`${name}.${language}`, text?.[language] ?? '']),
  )
}

/** An id typed in an optional number input: null when left empty. */
export function optionalIdOf(values: FormValues, name: string): number | null {
  const text = textOf(values, name)
  return text === '' ? null : Number(text)
}
