import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { loadSections, sectionName } from '../api/sections.js'
import { ARTICLE_STATUSES, type ArticlePage, type Section } from '../api/types.js'
import { STATUS_LABELS } from '../editor/workflow.js'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf } from '../i18n/messages.js'
import { Link, useNavigation } from '../router.js'

const PAGE_SIZE = 25

/** The list of articles, filtered by status, language and a search, a page at a time. */
export function ArticlesScreen({ query }: { query: URLSearchParams }) {
  const { t, language: uiLanguage, formatDateTime } = useI18n()
  const { navigate } = useNavigation()
  const status = query.get('status') ?? ''
  const language = query.get('language') ?? ''
  const q = query.get('q') ?? ''
  const page = Math.max(1, Number(query.get('page')) || 1)
  const [result, setResult] = useState<ArticlePage | undefined>()
  const [sections, setSections] = useState<Section[]>([])
  const [error, setError] = useState('')
  const [search, setSearch] = useState(q)

  useEffect(() => setSearch(q), [q])
  useEffect(() => {
    loadSections().then(setSections, () => undefined)
  }, [])
  useEffect(() => {
    let isCurrent = true
    setError('')
    api<ArticlePage>('GET', 'articles', {
      query: { status, language, q, page, pageSize: PAGE_SIZE, sort: 'updated' },
    }).then(
      (next) => isCurrent && setResult(next),
      (caught: unknown) => {
        if (isCurrent) setError(caught instanceof ApiError ? t('errorGeneric') : String(caught))
      },
    )
    return () => {
      isCurrent = false
    }
  }, [status, language, q, page, t])

  const go = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams(query)
    for (const [name, value] of Object.entries(changes)) {
      if (value === '' || (name === 'page' && value === 1)) next.delete(name)
      else next.set(name, String(value))
    }
    const text = next.toString()
    navigate(text ? `/?${text}` : '/')
  }
  const onSearch = (event: FormEvent) => {
    event.preventDefault()
    go({ q: search.trim(), page: 1 })
  }
  const sectionOf = (id: number, articleLanguage: string) => {
    const section = sections.find((candidate) => candidate.id === id)
    return section ? sectionName(section, articleLanguage) : ''
  }

  return (
    <section className="articles-screen">
      <div className="screen-title">
        <h1>{t('articles')}</h1>
        <Link className="button primary" to={`/articles/new?language=${language || uiLanguage}`}>
          {t('newArticle')}
        </Link>
      </div>
      <div className="filters">
        <form role="search" onSubmit={onSearch} className="search-form">
          <label htmlFor="article-search">{t('search')}</label>
          <input
            id="article-search"
            type="search"
            value={search}
            placeholder={t('searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
          <button type="submit" className="button secondary">
            {t('search')}
          </button>
        </form>
        <div className="filter">
          <label htmlFor="filter-status">{t('filterStatus')}</label>
          <select
            id="filter-status"
            value={status}
            onChange={(event) => go({ status: event.target.value, page: 1 })}
          >
            <option value="">{t('any')}</option>
            {ARTICLE_STATUSES.map((name) => (
              <option key={name} value={name}>
                {t(STATUS_LABELS[name])}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="filter-language">{t('filterLanguage')}</label>
          <select
            id="filter-language"
            value={language}
            onChange={(event) => go({ language: event.target.value, page: 1 })}
          >
            <option value="">{t('any')}</option>
            <option value="en">{t('languageEn')}</option>
            <option value="ar">{t('languageAr')}</option>
          </select>
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!result && !error && (
        <p className="loading" role="status">
          {t('loading')}
        </p>
      )}
      {result && (
        <>
          <p className="result-count" role="status">
            {t('resultCount', { count: result.total })}
          </p>
          {result.items.length === 0 ? (
            <p className="notice">{t('noArticles')}</p>
          ) : (
            <table className="article-table">
              <thead>
                <tr>
                  <th scope="col">{t('columnHeadline')}</th>
                  <th scope="col">{t('columnStatus')}</th>
                  <th scope="col">{t('columnLanguage')}</th>
                  <th scope="col">{t('columnSection')}</th>
                  <th scope="col">{t('columnUpdated')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((article) => (
                  <tr key={article.id}>
                    <td className="headline-cell">
                      <Link
                        to={`/articles/${article.id}`}
                        lang={article.language}
                        dir={directionOf(article.language)}
                      >
                        {article.headline}
                      </Link>
                    </td>
                    <td>
                      <span className={`status status-${article.status}`}>
                        {t(STATUS_LABELS[article.status])}
                      </span>
                    </td>
                    <td>{t(article.language === 'ar' ? 'languageAr' : 'languageEn')}</td>
                    <td lang={article.language}>
                      {sectionOf(article.sectionId, article.language)}
                    </td>
                    <td>
                      <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result.pageCount > 1 && (
            <nav className="pagination" aria-label={t('pagination')}>
              <button
                type="button"
                className="button secondary"
                disabled={page <= 1}
                onClick={() => go({ page: page - 1 })}
              >
                {t('previousPage')}
              </button>
              <span>{t('pageOf', { page, pages: result.pageCount })}</span>
              <button
                type="button"
                className="button secondary"
                disabled={page >= result.pageCount}
                onClick={() => go({ page: page + 1 })}
              >
                {t('nextPage')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  )
}
