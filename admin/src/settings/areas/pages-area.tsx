import { useI18n } from '../../i18n/i18n-context.js'
import { directionOf } from '../../i18n/messages.js'
import { CONTENT_LANGUAGES, textOf } from '../form-values.js'
import { ResourceArea, type ResourceDefinition } from '../resource-area.js'
import type { StaticPage } from '../../api/types.js'

/** About, Contact and other fixed pages: one per language, with a title and an HTML body. */
export function PagesArea() {
  const { t } = useI18n()
  const languageLabel = (code: string) => t(code === 'ar' ? 'languageAr' : 'languageEn')
  const definition: ResourceDefinition<StaticPage> = {
    key: 'pages',
    path: 'pages',
    empty: 'noPages',
    addLabel: 'addPage',
    nameOf: (page) => page.title,
    columns: [
      {
        label: 'fieldTitle',
        cell: (page) => (
          <span lang={page.language} dir={directionOf(page.language)}>
            {page.title}
          </span>
        ),
      },
      { label: 'columnLanguage', cell: (page) => languageLabel(page.language) },
      { label: 'slug', cell: (page) => <code dir="auto">{page.slug}</code> },
      {
        label: 'columnStatus',
        cell: (page) => t(page.status === 'published' ? 'statusPublished' : 'statusDraft'),
      },
    ],
    matches: (page, text) => page.title.toLowerCase().includes(text),
    canAdd: true,
    canEdit: true,
    canDelete: true,
    fields: (page) => {
      const language = (page?.language ?? 'en') as 'en' | 'ar'
      return [
        ...(page
          ? []
          : [
              {
                name: 'language',
                label: 'columnLanguage' as const,
                kind: 'select' as const,
                options: CONTENT_LANGUAGES.map((code) => ({
                  value: code,
                  label: languageLabel(code),
                })),
              },
            ]),
        { name: 'title', label: 'fieldTitle', ...(page ? { language } : {}) },
        { name: 'slug', label: 'slug', hint: 'slugHint' },
        {
          name: 'body',
          label: 'body',
          kind: 'textarea',
          hint: 'fieldPageBodyHint',
          ...(page ? { language } : {}),
        },
        {
          name: 'status',
          label: 'columnStatus',
          kind: 'select',
          options: [
            { value: 'draft', label: t('statusDraft') },
            { value: 'published', label: t('statusPublished') },
          ],
        },
        { name: 'isInFooter', label: 'fieldInFooter', kind: 'checkbox' },
      ]
    },
    valuesOf: (page) => ({
      language: page?.language ?? 'en',
      title: page?.title ?? '',
      slug: page?.slug ?? '',
      body: page?.bodyHtml ?? '',
      status: page?.status ?? 'draft',
      isInFooter: page?.isInFooter ?? true,
    }),
    bodyOf: (values, page) => ({
      ...(page ? {} : { language: textOf(values, 'language') }),
      title: textOf(values, 'title'),
      slug: textOf(values, 'slug'),
      body: typeof values.body === 'string' ? values.body : '',
      status: textOf(values, 'status'),
      isInFooter: values.isInFooter === true,
    }),
  }
  return <ResourceArea definition={definition} />
}
