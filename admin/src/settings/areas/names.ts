/** A per-language name in the interface language, or in any language it has. */
export function pickName(text: Record<string, string>, language: string): string {
  return text[language] || Object.values(text).find(Boolean) || ''
}
