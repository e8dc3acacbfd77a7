import { ar } from './ar.js'
import { en, type MessageKey } from './en.js'

export type { MessageKey }

/** The interface languages of the newsroom app. */
export type UiLanguage = 'en' | 'ar'

export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'ar']

/** The interface language a profile names (the API sends it as text), if the app has it. */
export function uiLanguageOf(code: string | null): UiLanguage | undefined {
  return UI_LANGUAGES.find((language) => language === code)
}

export const MESSAGES: Record<UiLanguage, Record<MessageKey, string>> = { en, ar }

/** The writing direction of a language code: Arabic, Persian, Urdu and Hebrew run right to left. */
export function directionOf(language: string): 'rtl' | 'ltr' {
  return ['ar', 'fa', 'ur', 'he'].includes(language) ? 'rtl' : 'ltr'
}

/** Looks a message up and fills its `{name}` placeholders. */
export function translate(
  language: UiLanguage,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  )
}

/** Placeholders of a message, to check that both languages use the same ones. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort()
}
