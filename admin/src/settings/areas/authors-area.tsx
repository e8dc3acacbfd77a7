import { useI18n } from '../../i18n/i18n-context.js'
import { localizedOf, localizedValues, optionalIdOf, textOf } from '../form-values.js'
import { perLanguage } from '../form-fields.js'
import { ResourceArea, type ResourceDefinition } from '../resource-area.js'
import { pickName } from './names.js'

interface Author {
  id: number
  slug: string
  name: Record<string, string>
  bio: Record<string, string>
  userId: number | null
  avatarMediaId: number | null
}

/** Byline profiles: a name and biography per language, a photo, and the account it belongs to. */
export function AuthorsArea({ canWrite }: { canWrite: boolean }) {
  const { language } = useI18n()
  const definition: ResourceDefinition<Author> = {
    key: 'authors',
    path: 'authors',
    empty: 'noAuthors',
    addLabel: 'addAuthor',
    nameOf: (author) => pickName(author.name, language),
    columns: [
      {
        label: 'columnName',
        cell: (author) => <span dir="auto">{pickName(author.name, language)}</span>,
      },
      { label: 'slug', cell: (author) => <code dir="ltr">{author.slug}</code> },
      { label: 'fieldLinkedUser', cell: (author) => author.userId ?? '' },
    ],
    matches: (author, text) =>
      Object.values(author.name).some((name) => name.toLowerCase().includes(text)),
    canAdd: canWrite,
    canEdit: canWrite,
    fields: () => [
      ...perLanguage('name', 'columnName'),
      { name: 'slug', label: 'slug', hint: 'slugHint', isLatin: true },
      ...perLanguage('bio', 'fieldBio', { kind: 'textarea' }),
      { name: 'avatarMediaId', label: 'fieldPhotoId', kind: 'number', hint: 'fieldPhotoIdHint' },
      { name: 'userId', label: 'fieldLinkedUser', kind: 'number', hint: 'fieldLinkedUserHint' },
    ],
    valuesOf: (author) => ({
      ...localizedValues('name', author?.name),
      ...localizedValues('bio', author?.bio),
      slug: author?.slug ?? '',
      avatarMediaId: author?.avatarMediaId ? String(author.avatarMediaId) : '',
      userId: author?.userId ? String(author.userId) : '',
    }),
    bodyOf: (values) => ({
      name: localizedOf(values, 'name'),
      bio: localizedOf(values, 'bio'),
      slug: textOf(values, 'slug'),
      avatarMediaId: optionalIdOf(values, 'avatarMediaId'),
      userId: optionalIdOf(values, 'userId'),
    }),
  }
  return <ResourceArea definition={definition} />
}
