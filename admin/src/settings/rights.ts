import type { SessionUser } from '../api/types.js'
import type { MessageKey } from '../i18n/messages.js'

type Role = SessionUser['role']

/** What a role may change in the settings area; mirrors src/modules/access/permissions.ts. */
export interface SettingsRights {
  /** Sections, tags, sources and authors (everyone may read them). */
  taxonomy: boolean
  pages: boolean
  redirects: boolean
  readSettings: boolean
  writeSettings: boolean
  /** Users, API tokens and webhooks. */
  administer: boolean
  /** Agency feeds of the wire desk. */
  wireFeeds: boolean
}

export function rightsOf(role: Role): SettingsRights {
  const isEditor = role === 'editor' || role === 'admin'
  const isAdmin = role === 'admin'
  return {
    taxonomy: isEditor,
    pages: isEditor,
    redirects: isEditor,
    readSettings: isEditor,
    writeSettings: isAdmin,
    administer: isAdmin,
    wireFeeds: isEditor,
  }
}

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

/** The areas of /admin/settings in menu order, each shown only to those who may open it. */
export const SETTINGS_AREAS: readonly {
  slug: SettingsAreaSlug
  label: MessageKey
  isVisible: (rights: SettingsRights) => boolean
}[] = [
  { slug: 'sections', label: 'areaSections', isVisible: () => true },
  { slug: 'tags', label: 'areaTags', isVisible: () => true },
  { slug: 'sources', label: 'areaSources', isVisible: () => true },
  { slug: 'authors', label: 'areaAuthors', isVisible: () => true },
  { slug: 'pages', label: 'areaPages', isVisible: (rights) => rights.pages },
  { slug: 'site', label: 'areaSite', isVisible: (rights) => rights.readSettings },
  { slug: 'redirects', label: 'areaRedirects', isVisible: (rights) => rights.redirects },
  { slug: 'wire-feeds', label: 'areaWireFeeds', isVisible: (rights) => rights.wireFeeds },
  { slug: 'users', label: 'areaUsers', isVisible: (rights) => rights.administer },
  { slug: 'tokens', label: 'areaTokens', isVisible: (rights) => rights.administer },
  { slug: 'webhooks', label: 'areaWebhooks', isVisible: (rights) => rights.administer },
]

/** The areas a role sees. */
export function visibleAreas(role: Role) {
  const rights = rightsOf(role)
  return SETTINGS_AREAS.filter((area) => area.isVisible(rights))
}
