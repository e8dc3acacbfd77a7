import { useEffect, useState } from 'react'
import { api } from '../api/client.js'
import { loadSections } from '../api/sections.js'
import type { ArticlePage, ArticleSummary, Section } from '../api/types.js'
import { useLoad } from '../api/use-load.js'
import { ArticleFilterBar } from '../articles/article-filter-bar.js'
import {
  articleListPath,
  articleListQuery,
  readArticleFilters,
  type ArticleFilters,
} from '../articles/article-filters.js'
import { BulkActionBar } from '../articles/bulk-action-bar.js'
import { loadAuthors, type AuthorOption } from '../articles/taxonomy.js'
import { Pagination } from '../components/pagination.js'
import { STATUS_LABELS } from '../editor/workflow.js'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf } from '../i18n/messages.js'
import { Link, useNavigation } from '../router.js'
import { LiveDeskLink, LiveMark } from '../live/live-links.js'
import './screens.css'

const PAGE_SIZE = 25

/** The list of articles with its filters (kept in the address), pages and bulk actions. */
export function ArticlesScreen({ query }: { query: URLSearchParams }) {
  const { t, language: uiLanguage, formatDateTime } = useI18n()
  const { navigate } = useNavigation()
  const filters = readArticleFilters(query)
  const apiQuery = articleListQuery(filters, PAGE_SIZE)
  const [list, reload] = useLoad(
    () => api<ArticlePage>('GET', 'articles', { query: apiQuery }),
    JSON.stringify(apiQuery),
  )
  const [sections, setSections] = useState<Section[]>([])
  const [authors, setAuthors] = useState<AuthorOption[]>([])
  const [selected, setSelected] = useState<Set<number>>(new Set())

  useEffect(() => {
    loadSections().then(setSections, () => undefined)
    loadAuthors().then(setAuthors, () => undefined)
  }, [])
  // A new filter or page starts a new selection.
  useEffect(() => setSelected(new Set()), [query.toString()])

  const change = (changes: Partial<ArticleFilters>) =>
    navigate(articleListPath({ ...filters, page: 1, ...changes }))
  const rows: ArticleSummary[] = list.state === 'loaded' ? list.data.items : []
  const toggle = (id: number, isOn: boolean) => {
    const next = new Set(selected)
    if (isOn) next.add(id)
    else next.delete(id)
    setSelected(next)
  }
  const isAllSelected = rows.length > 0 && rows.every((row) => selected.has(row.id))

  return (
    <section className="articles-screen">
      <div className="screen-title">
        <h1>{t('articles')}</h1>
        <Link
          className="button primary"
          to={`/articles/new?language=${filters.language || uiLanguage}`}
        >
          {t('newArticle')}
        </Link>
      </div>
      <ArticleFilterBar filters={filters} sections={sections} authors={authors} onChange={change} />
      <BulkActionBar
        selected={selected}
        rows={rows}
        onDone={(keepSelected) => {
          setSelected(keepSelected)
          reload()
        }}
      />
      {list.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('errorGeneric')}
        </p>
      )}
      {list.state === 'loading' && (
        <p className="loading" role="status">
          {t('loading')}
        </p>
      )}
      {list.state === 'loaded' && (
        <>
          <p className="result-count" role="status">
            {t('resultCount', { count: list.data.total })}
          </p>
          {rows.length === 0 ? (
            <p className="notice">{t('noArticles')}</p>
          ) : (
            <table className="article-table">
              <thead>
                <tr>
                  <th scope="col" className="select-cell">
                    <input
                      type="checkbox"
                      aria-label={t('selectPage')}
                      checked={isAllSelected}
                      onChange={(event) =>
                        setSelected(new Set(event.target.checked ? rows.map((row) => row.id) : []))
                      }
                    />
                  </th>
                  <th scope="col">{t('columnHeadline')}</th>
                  <th scope="col">{t('columnStatus')}</th>
                  <th scope="col">{t('columnLanguage')}</th>
                  <th scope="col">{t('columnSection')}</th>
                  <th scope="col">{t('columnAuthors')}</th>
                  <th scope="col">{t('columnUpdated')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((article) => (
                  <tr key={article.id} className={selected.has(article.id) ? 'is-selected' : ''}>
                    <td className="select-cell">
                      <input
                        type="checkbox"
                        aria-label={t('selectArticle', { headline: article.headline })}
                        checked={selected.has(article.id)}
                        onChange={(event) => toggle(article.id, event.target.checked)}
                      />
                    </td>
                    <td className="headline-cell">
                      <LiveMark article={article} />
                      <Link
                        to={`/articles/${article.id}`}
                        lang={article.language}
                        dir={directionOf(article.language)}
                      >
                        {article.headline}
                      </Link>
                      <LiveDeskLink article={article} className="list-desk-link" />
                    </td>
                    <td>
                      <span className={`status status-${article.status}`}>
                        {t(STATUS_LABELS[article.status])}
                      </span>
                    </td>
                    <td>{t(article.language === 'ar' ? 'languageAr' : 'languageEn')}</td>
                    <td lang={article.language}>{article.sectionName}</td>
                    <td lang={article.language} className="authors-cell">
                      {article.authors
                        .map((author) => author.name)
                        .join(article.language === 'ar' ? '، ' : ', ')}
                    </td>
                    <td>
                      <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination
            page={filters.page}
            pageCount={list.data.pageCount}
            onPage={(page) => navigate(articleListPath({ ...filters, page }))}
          />
        </>
      )}
    </section>
  )
}
