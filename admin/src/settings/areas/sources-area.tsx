import { useI18n } from '../../i18n/i18n-context.js'
import { localizedOf, localizedValues, textOf } from '../form-values.js'
import { perLanguage } from '../form-fields.js'
import { ResourceArea, type ResourceDefinition } from '../resource-area.js'
import { pickName } from './names.js'
import type { Source } from '../../api/types.js'

/** News agencies and other sources credited on articles. */
export function SourcesArea({ canWrite }: { canWrite: boolean }) {
  const { language } = useI18n()
  const definition: ResourceDefinition<Source> = {
    key: 'sources',
    path: 'sources',
    empty: 'noSources',
    addLabel: 'addSource',
    nameOf: (source) => pickName(source.name, language),
    columns: [
      {
        label: 'columnName',
        cell: (source) => <span dir="auto">{pickName(source.name, language)}</span>,
      },
      { label: 'slug', cell: (source) => <code dir="ltr">{source.slug}</code> },
      { label: 'fieldUrl', cell: (source) => source.url && <span dir="ltr">{source.url}</span> },
    ],
    matches: (source, text) =>
      Object.values(source.name).some((name) => name.toLowerCase().includes(text)) ||
      source.slug.includes(text),
    canAdd: canWrite,
    canEdit: canWrite,
    fields: () => [
      ...perLanguage('name', 'fieldAgencyName'),
      { name: 'slug', label: 'slug', hint: 'slugHint', isLatin: true },
      { name: 'url', label: 'fieldUrl', kind: 'url', isLatin: true },
    ],
    valuesOf: (source) => ({
      ...localizedValues('name', source?.name),
      slug: source?.slug ?? '',
      url: source?.url ?? '',
    }),
    bodyOf: (values) => ({
      name: localizedOf(values, 'name'),
      slug: textOf(values, 'slug'),
      url: textOf(values, 'url') || null,
    }),
  }
  return <ResourceArea definition={definition} />
}
