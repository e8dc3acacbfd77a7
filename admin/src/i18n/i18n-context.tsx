import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { directionOf, translate, type MessageKey, type UiLanguage } from './messages.js'

const STORAGE_KEY = 'masthead.uiLanguage'

interface I18n {
  language: UiLanguage
  setLanguage: (language: UiLanguage) => void
  t: (key: MessageKey, params?: Record<string, string | number>) => string
  formatTime: (iso: string) => string
  formatDateTime: (iso: string) => string
}

const I18nContext = createContext<I18n | undefined>(undefined)

function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (stored === 'en' || stored === 'ar') return stored
  return navigator.language.startsWith('ar') ? 'ar' : 'en'
}

/** Holds the interface language, and mirrors the page (`lang`, `dir` on <html>) to follow it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<UiLanguage>(initialLanguage)
  useEffect(() => {
    document.documentElement.lang = language
    document.documentElement.dir = directionOf(language)
    document.title = translate(language, 'appName')
  }, [language])
  const setLanguage = useCallback((next: UiLanguage) => {
    localStorage.setItem(STORAGE_KEY, next)
    setLanguageState(next)
  }, [])
  const value = useMemo<I18n>(() => {
    const locale = language === 'ar' ? 'ar-u-nu-latn' : 'en-GB'
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    return {
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      formatTime: (iso) => time.format(new Date(iso)),
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
    }
  }, [language, setLanguage])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** The interface language and its messages. */
export function useI18n(): I18n {
  const context = useContext(I18nContext)
  if (!context) throw new Error('useI18n outside I18nProvider')
  return context
}
