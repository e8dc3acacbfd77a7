import { ar } from './ar.js'
import { en, type MessageKey } from './en.js'

export type { MessageKey }

const CATALOGUES: Record<string, Record<MessageKey, string>> = { en, ar }

/** A translator for one edition: `t('updated', { time })`; English for an edition without strings. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

export function translatorFor(language: string): Translate {
  const catalogue = CATALOGUES[language] ?? en
  return (key, values = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      String(values[name] ?? placeholder),
    )
}
