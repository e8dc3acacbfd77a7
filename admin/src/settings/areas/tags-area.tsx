import { useState } from 'react'
import { useI18n } from '../../i18n/i18n-context.js'
import { directionOf } from '../../i18n/messages.js'
import { CONTENT_LANGUAGES, textOf } from '../form-values.js'
import { ResourceArea, type ResourceDefinition } from '../resource-area.js'
import { TagMerge } from './tag-merge.js'
import type { Tag as SavedTag } from '../../api/types.js'

/** A tag as the list shows it (with its count) or a write answers it (without). */
type Tag = SavedTag & { articleCount?: number }

/** The tags of one edition: find, rename, merge into another, delete. */
export function TagsArea({ canWrite }: { canWrite: boolean }) {
  const { t, language: uiLanguage } = useI18n()
  const [language, setLanguage] = useState<string>(uiLanguage)
  const definition: ResourceDefinition<Tag> = {
    key: 'tags',
    path: 'tags',
    query: { language },
    empty: 'noTags',
    addLabel: 'addTag',
    nameOf: (tag) => tag.name,
    columns: [
      {
        label: 'columnName',
        cell: (tag) => (
          <span lang={tag.language} dir={directionOf(tag.language)}>
            {tag.name}
          </span>
        ),
      },
      { label: 'slug', cell: (tag) => <code dir="auto">{tag.slug}</code> },
      { label: 'columnArticles', cell: (tag) => tag.articleCount ?? '' },
    ],
    matches: (tag, text) => tag.name.toLowerCase().includes(text) || tag.slug.includes(text),
    canAdd: canWrite,
    canEdit: canWrite,
    canDelete: canWrite,
    rowActions: canWrite ? (tag, done) => <TagMerge tag={tag} onMerged={done} /> : undefined,
    fields: (tag) => [
      { name: 'name', label: 'columnName', language: (tag?.language ?? language) as 'en' | 'ar' },
      ...(tag ? [{ name: 'slug', label: 'slug' as const, hint: 'slugHint' as const }] : []),
    ],
    valuesOf: (tag) => ({ name: tag?.name ?? '', slug: tag?.slug ?? '' }),
    bodyOf: (values, tag) =>
      tag
        ? { name: textOf(values, 'name'), slug: textOf(values, 'slug') }
        : { language, name: textOf(values, 'name') },
  }
  return (
    <ResourceArea
      definition={definition}
      toolbar={
        <div className="area-filter">
          <label htmlFor="tags-language">{t('filterLanguage')}</label>
          <select
            id="tags-language"
            value={language}
            onChange={(event) => setLanguage(event.target.value)}
          >
            {CONTENT_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(code === 'ar' ? 'languageAr' : 'languageEn')}
              </option>
            ))}
          </select>
        </div>
      }
    />
  )
}
