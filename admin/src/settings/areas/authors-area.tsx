import { api } from '../../api/client.js'
import { useLoad } from '../../api/use-load.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { localizedOf, localizedValues, optionalIdOf, textOf } from '../form-values.js'
import { perLanguage } from '../form-fields.js'
import { ResourceArea, type ResourceDefinition } from '../resource-area.js'
import { pickName } from './names.js'
import type { AccountListing as Account, Author } from '../../api/types.js'

/** An account as `GET users/directory` lists it: the choices for an author's linked account. */

const NO_ACCOUNTS: Promise<Account[]> = Promise.resolve([])

/** Byline profiles: a name and biography per language, a photo, and the account it belongs to. */
export function AuthorsArea({ canWrite }: { canWrite: boolean }) {
  const { language, t } = useI18n()
  // Only those who edit bylines may read the directory; the others see no form to choose in.
  const [directory] = useLoad(
    () =>
      canWrite
        ? api<{ items: Account[] }>('GET', 'users/directory').then((answer) => answer.items)
        : NO_ACCOUNTS,
    String(canWrite),
  )
  const accounts = directory.state === 'loaded' ? directory.data : []
  const accountName = (id: number) =>
    accounts.find((account) => account.id === id)?.name ?? t('linkedAccountNumber', { id })
  const accountOptions = (currentId: number | null) => [
    { value: '', label: t('linkedAccountNone') },
    ...accounts.map((account) => ({
      value: String(account.id),
      label: t(account.isDisabled ? 'linkedAccountDisabled' : 'linkedAccountOption', {
        name: account.name,
        email: account.email,
      }),
    })),
    // An account the directory did not list (not loaded yet, or it failed) stays chosen.
    ...(currentId !== null && !accounts.some((account) => account.id === currentId)
      ? [{ value: String(currentId), label: t('linkedAccountNumber', { id: currentId }) }]
      : []),
  ]
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
      {
        label: 'fieldLinkedUser',
        cell: (author) =>
          author.userId === null ? '' : <span dir="auto">{accountName(author.userId)}</span>,
      },
    ],
    matches: (author, text) =>
      Object.values(author.name).some((name) => name.toLowerCase().includes(text)),
    canAdd: canWrite,
    canEdit: canWrite,
    fields: (author) => [
      ...perLanguage('name', 'columnName'),
      { name: 'slug', label: 'slug', hint: 'slugHint', isLatin: true },
      ...perLanguage('bio', 'fieldBio', { kind: 'textarea' }),
      {
        name: 'avatarMediaId',
        label: 'fieldPhoto',
        kind: 'image',
        image: { choose: 'fieldPhotoChoose', none: 'fieldPhotoNone' },
      },
      {
        name: 'userId',
        label: 'fieldLinkedUser',
        kind: 'select',
        hint: 'fieldLinkedUserHint',
        options: accountOptions(author?.userId ?? null),
      },
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
