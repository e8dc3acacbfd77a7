import { useEffect, useId, useState } from 'react'
import { api } from '../../api/client.js'
import type { Article, ArticlePage, ArticleSummary } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { Dialog } from '../../media/media-picker.js'

const SEARCH_DELAY_MS = 250

/** The attributes of a related-story card. */
export interface RelatedStory {
  articleId: number
  headline: string
  url: string
}

/** Finds a published story in the article's language (the index search) and picks it. */
export function RelatedStoryDialog({
  language,
  onPick,
  onClose,
}: {
  language: string
  onPick: (story: RelatedStory) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const inputId = useId()
  const [q, setQ] = useState('')
  const [results, setResults] = useState<ArticleSummary[] | undefined>()
  const [hasFailed, setFailed] = useState(false)
  useEffect(() => {
    let isCurrent = true
    const timer = setTimeout(() => {
      api<ArticlePage>('GET', 'articles', {
        query: { q: q.trim(), status: 'published', language, pageSize: 10 },
      }).then(
        (page) => isCurrent && setResults(page.items),
        () => isCurrent && setFailed(true),
      )
    }, SEARCH_DELAY_MS)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [q, language])

  const choose = async (summary: ArticleSummary) => {
    try {
      // The list has no public address; the article itself does.
      const article = await api<Article>('GET', `articles/${summary.id}`)
      onPick({ articleId: article.id, headline: article.headline, url: article.url })
    } catch {
      setFailed(true)
    }
  }
  return (
    <Dialog title={t('insertRelated')} onClose={onClose}>
      <div className="field">
        <label htmlFor={inputId}>{t('relatedSearch')}</label>
        <input
          id={inputId}
          type="search"
          dir="auto"
          placeholder={t('relatedSearchPlaceholder')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      {hasFailed && (
        <p className="form-error" role="alert">
          {t('errorGeneric')}
        </p>
      )}
      {results && results.length === 0 && <p className="notice">{t('relatedNone')}</p>}
      {results && results.length > 0 && (
        <ul className="related-results">
          {results.map((summary) => (
            <li key={summary.id}>
              <span dir="auto" lang={summary.language}>
                {summary.headline}
              </span>
              <button
                type="button"
                className="button secondary"
                aria-label={`${t('relatedChoose')}: ${summary.headline}`}
                onClick={() => void choose(summary)}
              >
                {t('relatedChoose')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
