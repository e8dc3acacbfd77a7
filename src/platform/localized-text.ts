/** Display text in several languages, keyed by language code: `{"en": "World", "ar": "العالم"}`. */
export type LocalizedText = Record<string, string>

/** Parses a localized JSON column; a malformed or non-object value yields no translations. */
export function parseLocalized(json: string): LocalizedText {
  const value: unknown = JSON.parse(json)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {}
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}

/** The text in `language`, else in `fallbackLanguage`, else any translation, else ''. */
export function pickLocalized(
  text: LocalizedText,
  language: string,
  fallbackLanguage = 'en',
): string {
  return text[language] ?? text[fallbackLanguage] ?? Object.values(text)[0] ?? ''
}
