import type { MessageKey } from '../i18n/messages.js'
import type { ApiErrorItem } from './api-error.js'

/** The form fields of the editor that a server error can point at. */
export const ARTICLE_FORM_FIELDS = [
  'headline',
  'dek',
  'slug',
  'section',
  'tags',
  'bodyDoc',
  'language',
  'scheduledAt',
  'authors',
  'source',
  'sourceUrl',
  'isBreaking',
  'isFeatured',
  'pinnedPosition',
  'seo.title',
  'seo.description',
  'seo.socialTitle',
  'seo.socialDescription',
] as const

export type ArticleFormField = (typeof ARTICLE_FORM_FIELDS)[number]

/** An error shown next to a field: the server's own words, or a message of ours. */
export type FieldMessage = { text: string } | { key: MessageKey }

export interface MappedErrors {
  fields: Partial<Record<ArticleFormField, FieldMessage>>
  /** Errors that concern no field of the form (shown at the top). */
  general: ApiErrorItem[]
}

const isFormField = (name: string): name is ArticleFormField =>
  (ARTICLE_FORM_FIELDS as readonly string[]).includes(name)

/**
 * The field an API `property` points into: `tags.2` is the tags field, `body` is the body,
 * `seo.title` the search title (fields inside an object are fields of their own).
 */
export function fieldOfProperty(property: string | undefined): ArticleFormField | undefined {
  if (!property) return undefined
  const [head = '', inner = ''] = property.split(/[.[/]/)
  if (head === 'body') return 'bodyDoc'
  const nested = `${head}.${inner}`
  if (isFormField(nested)) return nested
  return isFormField(head) ? head : undefined
}

/** Strips the `field: ` prefix validation messages carry, since the field is shown beside it. */
export function messageWithoutProperty(error: ApiErrorItem): string {
  const prefix = `${error.property ?? ''}: `
  return error.property && error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message
}

/**
 * The server's validation messages are in English only; those it commonly sends are shown in
 * the interface language instead, and any other is shown as the server wrote it.
 */
export const KNOWN_MESSAGES: [RegExp, MessageKey][] = [
  [/too small: expected string to have >=1/i, 'errorRequired'],
  [/too big: expected string to have <=/i, 'errorTooLong'],
  [/letters and digits joined by hyphens/i, 'errorSlug'],
  [/^there is no section/i, 'errorSection'],
  [/^invalid url/i, 'errorUrl'],
  [/expected number|expected int|number to be/i, 'errorPinPosition'],
]

/** Sorts API errors into those shown next to a field (the first per field) and the rest. */
export function mapErrorsToFields(errors: readonly ApiErrorItem[]): MappedErrors {
  const result: MappedErrors = { fields: {}, general: [] }
  for (const error of errors) {
    const field = fieldOfProperty(error.property)
    if (!field) result.general.push(error)
    else if (!result.fields[field]) {
      const text = messageWithoutProperty(error)
      const key = KNOWN_MESSAGES.find(([pattern]) => pattern.test(text))?.[1]
      result.fields[field] = key ? { key } : { text }
    }
  }
  return result
}
