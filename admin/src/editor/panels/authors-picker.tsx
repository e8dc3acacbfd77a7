import { useEffect, useId, useState } from 'react'
import type { FieldMessage } from '../../api/field-errors.js'
import type { Author } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { loadAuthors, localName } from './reference-lists.js'

const MOST_MATCHES = 8

/** Bylines in order: chips to remove, and a search that adds profiles by name or slug. */
export function AuthorsPicker({
  authorIds,
  language,
  error,
  onChange,
}: {
  authorIds: number[]
  language: string
  error?: FieldMessage
  onChange: (authorIds: number[]) => void
}) {
  const { t } = useI18n()
  const [authors, setAuthors] = useState<Author[]>([])
  const [query, setQuery] = useState('')
  const id = useId()
  useEffect(() => {
    loadAuthors().then(setAuthors, () => undefined)
  }, [])
  const byId = new Map(authors.map((author) => [author.id, author]))
  const needle = query.trim().toLocaleLowerCase()
  const matches = needle
    ? authors
        .filter(
          (author) =>
            !authorIds.includes(author.id) &&
            [author.slug, ...Object.values(author.name)].some((name) =>
              name.toLocaleLowerCase().includes(needle),
            ),
        )
        .slice(0, MOST_MATCHES)
    : []
  const nameOf = (authorId: number) => {
    const author = byId.get(authorId)
    return author ? localName(author.name, language) : `#${authorId}`
  }
  return (
    <fieldset className={error ? 'panel-group has-error' : 'panel-group'}>
      <legend>{t('authors')}</legend>
      {authorIds.length > 0 ? (
        <ul className="chips" aria-label={t('authorsChosen')}>
          {authorIds.map((authorId) => (
            <li key={authorId} className="chip">
              <bdi>{nameOf(authorId)}</bdi>
              <button
                type="button"
                aria-label={t('removeAuthor', { name: nameOf(authorId) })}
                onClick={() => onChange(authorIds.filter((other) => other !== authorId))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('noAuthors')}</p>
      )}
      <label htmlFor={`${id}-search`}>{t('findAuthor')}</label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        aria-describedby={error ? 'authors-error' : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setQuery(event.target.value)}
      />
      {needle && (
        <ul className="pick-list" aria-label={t('authorMatches')}>
          {matches.length === 0 && <li className="hint">{t('noMatches')}</li>}
          {matches.map((author) => (
            <li key={author.id}>
              <button
                type="button"
                className="text-button"
                onClick={() => {
                  onChange([...authorIds, author.id])
                  setQuery('')
                }}
              >
                {t('addAuthor', { name: localName(author.name, language) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" id="authors-error">
          {'key' in error ? t(error.key) : error.text}
        </p>
      )}
    </fieldset>
  )
}
