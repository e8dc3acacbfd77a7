import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { sectionName } from '../api/sections.js'
import type { Section } from '../api/types.js'
import { ARTICLE_STATUSES, STATUS_LABELS } from '../editor/workflow.js'
import { useI18n } from '../i18n/i18n-context.js'
import type { MessageKey } from '../i18n/messages.js'
import { ARTICLE_SORTS, type ArticleFilters, type ArticleSort } from './article-filters.js'
import { loadTags, nameIn, type AuthorOption, type TagOption } from './taxonomy.js'

/** One slug per section for the address, whatever the interface language (the API takes any). */
const sectionSlugOf = (section: Section) =>
  (section.translations.en ?? Object.values(section.translations)[0])?.slug ?? ''

const SORT_LABELS: Record<ArticleSort, MessageKey> = {
  updated: 'sortUpdated',
  published: 'sortPublished',
  headline: 'sortHeadline',
}

/**
 * The list's filters. Lists and dates apply as soon as they change; the search words and the tag
 * apply with Enter or the Apply button.
 */
export function ArticleFilterBar({
  filters,
  sections,
  authors,
  onChange,
}: {
  filters: ArticleFilters
  sections: Section[]
  authors: AuthorOption[]
  onChange: (changes: Partial<ArticleFilters>) => void
}) {
  const { t, language: uiLanguage } = useI18n()
  const [search, setSearch] = useState(filters.q)
  const [tag, setTag] = useState(filters.tag)
  const [tags, setTags] = useState<TagOption[]>([])
  const tagLanguage = filters.language || uiLanguage
  useEffect(() => setSearch(filters.q), [filters.q])
  useEffect(() => setTag(filters.tag), [filters.tag])
  useEffect(() => {
    loadTags(tagLanguage).then(setTags, () => setTags([]))
  }, [tagLanguage])

  const apply = (event: FormEvent) => {
    event.preventDefault()
    // A tag typed by its name is sent as the slug it has in the list.
    const typed = tag.trim()
    const match = tags.find((candidate) => candidate.name === typed || candidate.slug === typed)
    onChange({ q: search.trim(), tag: match?.slug ?? typed })
  }
  const hasFilters = Object.entries(filters).some(
    ([name, value]) => !['page', 'sort'].includes(name) && value !== '',
  )
  const select = (
    id: string,
    label: MessageKey,
    name: 'status' | 'language' | 'section' | 'author',
    options: { value: string; label: string }[],
  ) => (
    <div className="filter">
      <label htmlFor={id}>{t(label)}</label>
      <select
        id={id}
        value={filters[name]}
        onChange={(event) => onChange({ [name]: event.target.value })}
      >
        <option value="">{t('any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <form className="filters" role="search" aria-label={t('filtersTitle')} onSubmit={apply}>
      <div className="search-form">
        <label htmlFor="article-search">{t('search')}</label>
        <input
          id="article-search"
          type="search"
          value={search}
          placeholder={t('searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {select(
        'filter-status',
        'filterStatus',
        'status',
        ARTICLE_STATUSES.map((name) => ({ value: name, label: t(STATUS_LABELS[name]) })),
      )}
      {select('filter-language', 'filterLanguage', 'language', [
        { value: 'en', label: t('languageEn') },
        { value: 'ar', label: t('languageAr') },
      ])}
      {select(
        'filter-section',
        'filterSection',
        'section',
        sections.map((section) => ({
          value: sectionSlugOf(section),
          label: sectionName(section, uiLanguage),
        })),
      )}
      {select(
        'filter-author',
        'filterAuthor',
        'author',
        authors.map((author) => ({ value: author.slug, label: nameIn(author.name, uiLanguage) })),
      )}
      <div className="filter filter-check">
        <input
          id="filter-mine"
          type="checkbox"
          checked={filters.mine === 'true'}
          onChange={(event) => onChange({ mine: event.target.checked ? 'true' : '' })}
        />
        <label htmlFor="filter-mine">{t('filterMine')}</label>
      </div>
      <div className="filter">
        <label htmlFor="filter-tag">{t('filterTag')}</label>
        <input
          id="filter-tag"
          list="filter-tag-options"
          value={tag}
          aria-describedby="filter-tag-hint"
          onChange={(event) => setTag(event.target.value)}
        />
        <datalist id="filter-tag-options">
          {tags.map((option) => (
            <option key={option.id} value={option.slug}>
              {option.name}
            </option>
          ))}
        </datalist>
        <p className="visually-hidden" id="filter-tag-hint">
          {t('filterTagHint')}
        </p>
      </div>
      <div className="filter">
        <label htmlFor="filter-from">{t('filterUpdatedFrom')}</label>
        <input
          id="filter-from"
          type="date"
          value={filters.updatedFrom}
          max={filters.updatedTo || undefined}
          onChange={(event) => onChange({ updatedFrom: event.target.value })}
        />
      </div>
      <div className="filter">
        <label htmlFor="filter-to">{t('filterUpdatedTo')}</label>
        <input
          id="filter-to"
          type="date"
          value={filters.updatedTo}
          min={filters.updatedFrom || undefined}
          onChange={(event) => onChange({ updatedTo: event.target.value })}
        />
      </div>
      <div className="filter">
        <label htmlFor="filter-sort">{t('sortBy')}</label>
        <select
          id="filter-sort"
          value={filters.sort}
          onChange={(event) => onChange({ sort: event.target.value as ArticleSort })}
        >
          {ARTICLE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(SORT_LABELS[sort])}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-buttons">
        <button type="submit" className="button secondary">
          {t('applyFilters')}
        </button>
        {hasFilters && (
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              onChange({
                status: '',
                language: '',
                section: '',
                tag: '',
                author: '',
                mine: '',
                updatedFrom: '',
                updatedTo: '',
                q: '',
              })
            }
          >
            {t('clearFilters')}
          </button>
        )}
      </div>
    </form>
  )
}
