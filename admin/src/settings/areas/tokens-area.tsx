import { useI18n } from '../../i18n/i18n-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import { textOf } from '../form-values.js'
import { ResourceArea, type ResourceDefinition } from '../resource-area.js'
import type { ApiToken } from '../../api/types.js'

const SCOPE_LABELS: Record<string, MessageKey> = {
  read: 'scopeRead',
  write: 'scopeWrite',
  publish: 'scopePublish',
}

/** Tokens for other programs: the secret is shown once when made; revoking ends it at once. */
export function TokensArea() {
  const { t, formatDateTime } = useI18n()
  const scopeLabel = (scope: string) => (SCOPE_LABELS[scope] ? t(SCOPE_LABELS[scope]) : scope)
  const definition: ResourceDefinition<ApiToken> = {
    key: 'tokens',
    path: 'tokens',
    empty: 'noTokens',
    addLabel: 'addToken',
    deleteLabel: 'revoke',
    nameOf: (token) => token.name,
    columns: [
      { label: 'columnName', cell: (token) => <span dir="auto">{token.name}</span> },
      { label: 'fieldScope', cell: (token) => token.scopes.map(scopeLabel).join(', ') },
      { label: 'columnCreated', cell: (token) => formatDateTime(token.createdAt) },
      {
        label: 'columnStatus',
        cell: (token) =>
          token.revokedAt
            ? t('tokenRevokedAt', { time: formatDateTime(token.revokedAt) })
            : token.lastUsedAt
              ? t('tokenUsedAt', { time: formatDateTime(token.lastUsedAt) })
              : t('tokenUnused'),
      },
    ],
    canAdd: true,
    canDelete: (token) => token.revokedAt === null,
    fields: () => [
      { name: 'name', label: 'columnName', hint: 'tokenNameHint' },
      {
        name: 'scopes',
        label: 'fieldScope',
        kind: 'select',
        hint: 'scopeHint',
        options: Object.keys(SCOPE_LABELS).map((scope) => ({
          value: scope,
          label: scopeLabel(scope),
        })),
      },
    ],
    valuesOf: () => ({ name: '', scopes: 'read' }),
    bodyOf: (values) => ({ name: textOf(values, 'name'), scopes: [textOf(values, 'scopes')] }),
    secretOf: (created) => (created as { token?: string }).token,
  }
  return <ResourceArea definition={definition} />
}
