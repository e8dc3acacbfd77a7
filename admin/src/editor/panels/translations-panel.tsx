import { useEffect, useState } from 'react'
import { api } from '../../api/client.js'
import type { Article } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { Link, useNavigation } from '../../router.js'
import { STATUS_LABELS } from '../workflow.js'

/** The languages an article can be written in (the editions). */
const LANGUAGES = ['en', 'ar'] as const
const LANGUAGE_NAMES = { en: 'languageEn', ar: 'languageAr' } as const

/** The other-language version shown read-only beside the editor while translating. */
export interface OriginalBeside {
  article: Article | undefined
  shownId: number | undefined
  show: (id: number | undefined) => void
}

/**
 * Which version to show beside the editor. A draft made after its other-language version is a
 * translation in progress, so that version is shown from the start; otherwise only when asked.
 */
export function useOriginalBeside(article: Article | undefined): OriginalBeside {
  const [shownId, setShownId] = useState<number | undefined>()
  const [original, setOriginal] = useState<Article | undefined>()
  const articleId = article?.id
  const olderVersion =
    article?.status === 'draft'
      ? article.translations.find((other) => other.id < article.id)?.id
      : undefined
  useEffect(() => {
    if (olderVersion !== undefined) setShownId((current) => current ?? olderVersion)
  }, [articleId, olderVersion])
  useEffect(() => {
    if (shownId === undefined) {
      setOriginal(undefined)
      return
    }
    api<Article>('GET', `articles/${shownId}`).then(setOriginal, () => setShownId(undefined))
  }, [shownId])
  return { article: original, shownId, show: setShownId }
}

/** The article's versions in the other languages: open one, show it beside, or start one. */
export function TranslationsPanel({
  article,
  original,
}: {
  article: Article
  original: OriginalBeside
}) {
  const { t } = useI18n()
  const { navigate } = useNavigation()
  const [isBusy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const missing = LANGUAGES.filter(
    (language) =>
      language !== article.language &&
      !article.translations.some((other) => other.language === language),
  )

  const create = async (language: string) => {
    setBusy(true)
    setError('')
    try {
      const created = await api<Article>('POST', `articles/${article.id}/translations`, {
        body: { language },
      })
      navigate(`/articles/${created.id}`)
    } catch {
      setError(t('errorGeneric'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <fieldset className="panel-group translations">
      <legend>{t('translations')}</legend>
      <ul className="translation-list">
        {article.translations.map((other) => {
          const languageName = t(
            LANGUAGE_NAMES[other.language as keyof typeof LANGUAGE_NAMES] ?? 'languageEn',
          )
          const isShown = original.shownId === other.id
          return (
            <li key={other.id}>
              <Link to={`/articles/${other.id}`}>
                {t('openVersion', { language: languageName })}
              </Link>{' '}
              <span className={`status status-${other.status}`}>
                {t(STATUS_LABELS[other.status])}
              </span>
              <button
                type="button"
                className="text-button"
                aria-pressed={isShown}
                onClick={() => original.show(isShown ? undefined : other.id)}
              >
                {isShown ? t('hideBeside') : t('showBeside', { language: languageName })}
              </button>
            </li>
          )
        })}
      </ul>
      {missing.map((language) => (
        <button
          key={language}
          type="button"
          className="button secondary"
          disabled={isBusy}
          onClick={() => void create(language)}
        >
          {t('createTranslation', { language: t(LANGUAGE_NAMES[language]) })}
        </button>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}
