import type { Permission } from '../api/types.js'
import type { MessageKey } from '../i18n/messages.js'

export type SettingsAreaSlug =
  | 'sections'
  | 'tags'
  | 'sources'
  | 'authors'
  | 'pages'
  | 'site'
  | 'redirects'
  | 'users'
  | 'tokens'
  | 'webhooks'
  | 'wire-feeds'

/**
 * The areas of /admin/settings in menu order, each with the permission (of the server's access
 * matrix) it takes to open it; the taxonomy areas are open to everyone, read-only without
 * `taxonomy.write`.
 */
export const SETTINGS_AREAS: readonly {
  slug: SettingsAreaSlug
  label: MessageKey
  permission: Permission
}[] = [
  { slug: 'sections', label: 'areaSections', permission: 'taxonomy.read' },
  { slug: 'tags', label: 'areaTags', permission: 'taxonomy.read' },
  { slug: 'sources', label: 'areaSources', permission: 'taxonomy.read' },
  { slug: 'authors', label: 'areaAuthors', permission: 'taxonomy.read' },
  { slug: 'pages', label: 'areaPages', permission: 'pages.read' },
  { slug: 'site', label: 'areaSite', permission: 'settings.read' },
  { slug: 'redirects', label: 'areaRedirects', permission: 'redirects.manage' },
  { slug: 'wire-feeds', label: 'areaWireFeeds', permission: 'wires.manage' },
  { slug: 'users', label: 'areaUsers', permission: 'users.manage' },
  { slug: 'tokens', label: 'areaTokens', permission: 'tokens.manage' },
  { slug: 'webhooks', label: 'areaWebhooks', permission: 'webhooks.manage' },
]

/** The areas someone with these permissions sees. */
export function visibleAreas(permissions: readonly Permission[]) {
  return SETTINGS_AREAS.filter((area) => permissions.includes(area.permission))
}
