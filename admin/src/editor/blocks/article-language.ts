import { createContext, useContext } from 'react'
import { directionOf } from '../../i18n/messages.js'

/** The language the article is written in, which its blocks' texts follow (not the interface's). */
export const ArticleLanguageContext = createContext('en')

/** The article's language and its direction, for inputs inside the body's blocks. */
export function useArticleLanguage(): { lang: string; dir: 'rtl' | 'ltr' } {
  const lang = useContext(ArticleLanguageContext)
  return { lang, dir: directionOf(lang) }
}
