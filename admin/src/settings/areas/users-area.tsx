import type { User } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import { textOf } from '../form-values.js'
import { ResourceArea, type ResourceDefinition } from '../resource-area.js'

export const ROLE_LABELS: Record<User['role'], MessageKey> = {
  contributor: 'roleContributor',
  author: 'roleAuthor',
  editor: 'roleEditor',
  admin: 'roleAdmin',
}

/** Newsroom accounts: add one (with a first password to hand over), change its role, deactivate it. */
export function UsersArea({ currentUserId }: { currentUserId: number }) {
  const { t, formatDateTime } = useI18n()
  const roles = (Object.keys(ROLE_LABELS) as User['role'][]).map((role) => ({
    value: role,
    label: t(ROLE_LABELS[role]),
  }))
  const definition: ResourceDefinition<User> = {
    key: 'users',
    path: 'users',
    empty: 'noUsers',
    addLabel: 'addUser',
    nameOf: (user) => user.name,
    columns: [
      { label: 'columnName', cell: (user) => <span dir="auto">{user.name}</span> },
      { label: 'email', cell: (user) => <span dir="ltr">{user.email}</span> },
      { label: 'fieldRole', cell: (user) => t(ROLE_LABELS[user.role]) },
      {
        label: 'columnStatus',
        cell: (user) => t(user.isDisabled ? 'userDisabled' : 'userActive'),
      },
      {
        label: 'columnLastSignIn',
        cell: (user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '—'),
      },
    ],
    matches: (user, text) =>
      user.name.toLowerCase().includes(text) || user.email.toLowerCase().includes(text),
    canAdd: true,
    // One's own role and access are changed by another admin, never locked out by oneself.
    canEdit: (user) => user.id !== currentUserId,
    fields: (user) =>
      user
        ? [
            { name: 'name', label: 'columnName' },
            { name: 'role', label: 'fieldRole', kind: 'select', options: roles },
            { name: 'isDisabled', label: 'fieldDeactivated', kind: 'checkbox' },
          ]
        : [
            { name: 'name', label: 'columnName', autoComplete: 'off' },
            { name: 'email', label: 'email', kind: 'email', isLatin: true },
            { name: 'role', label: 'fieldRole', kind: 'select', options: roles },
            {
              name: 'password',
              label: 'fieldFirstPassword',
              kind: 'password',
              hint: 'fieldFirstPasswordHint',
              autoComplete: 'new-password',
              isLatin: true,
            },
          ],
    valuesOf: (user) => ({
      name: user?.name ?? '',
      email: '',
      role: user?.role ?? 'contributor',
      password: '',
      isDisabled: user?.isDisabled ?? false,
    }),
    bodyOf: (values, user) =>
      user
        ? {
            name: textOf(values, 'name'),
            role: textOf(values, 'role'),
            isDisabled: values.isDisabled === true,
          }
        : {
            name: textOf(values, 'name'),
            email: textOf(values, 'email'),
            role: textOf(values, 'role'),
            password: typeof values.password === 'string' ? values.password : '',
          },
  }
  return <ResourceArea definition={definition} />
}
