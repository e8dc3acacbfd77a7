import type { UserRole } from '../../db/database.js'

/** What an API token may be allowed to do; each scope includes the ones before it. */
export type TokenScope = 'read' | 'write' | 'publish'
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'write', 'publish']

/** Whether tokens with these scopes reach the scope a permission asks for. */
export function scopesReach(scopes: readonly TokenScope[], needed: TokenScope): boolean {
  const rank = (scope: TokenScope) => TOKEN_SCOPES.indexOf(scope)
  return scopes.some((scope) => rank(scope) >= rank(needed))
}

const EVERYONE: readonly UserRole[] = ['contributor', 'author', 'editor', 'admin']
const PUBLISHERS: readonly UserRole[] = ['author', 'editor', 'admin']
const EDITORS: readonly UserRole[] = ['editor', 'admin']
const ADMINS: readonly UserRole[] = ['admin']

/**
 * The whole access matrix: each permission, the roles that hold it, and the token scope that
 * grants it (none: tokens never get it). Contributors and authors hold the article permissions for
 * their own articles only; `canTouchArticle` applies that rule.
 */
export const PERMISSIONS = {
  'articles.read': { roles: EVERYONE, scope: 'read' },
  'articles.write': { roles: EVERYONE, scope: 'write' },
  'articles.submit': { roles: EVERYONE, scope: 'write' },
  'articles.publish': { roles: PUBLISHERS, scope: 'publish' },
  'articles.delete': { roles: PUBLISHERS, scope: 'publish' },
  'taxonomy.read': { roles: EVERYONE, scope: 'read' },
  /** A new tag while tagging an article (naming one in an article creates it, too). */
  'tags.create': { roles: EVERYONE, scope: 'write' },
  'taxonomy.write': { roles: EDITORS, scope: 'write' },
  'pages.read': { roles: EDITORS, scope: 'read' },
  'pages.write': { roles: EDITORS, scope: 'write' },
  'media.read': { roles: EVERYONE, scope: 'read' },
  'media.write': { roles: EVERYONE, scope: 'write' },
  'media.delete': { roles: EDITORS, scope: 'write' },
  'contact.manage': { roles: EDITORS, scope: null },
  'redirects.manage': { roles: EDITORS, scope: null },
  'settings.read': { roles: EDITORS, scope: 'read' },
  'settings.write': { roles: ADMINS, scope: null },
  /** Names and emails of the accounts, to link a byline to one; never to tokens. */
  'users.directory': { roles: EDITORS, scope: null },
  'users.manage': { roles: ADMINS, scope: null },
  'tokens.manage': { roles: ADMINS, scope: null },
  'webhooks.manage': { roles: ADMINS, scope: null },
  'audit.read': { roles: ADMINS, scope: null },
  /** The agency wire queue: read it, and use an item as the start of a draft. */
  'wires.read': { roles: EVERYONE, scope: 'read' },
  'wires.use': { roles: EVERYONE, scope: 'write' },
  /** Which agency feeds are polled, and polling one now. */
  'wires.manage': { roles: EDITORS, scope: null },
  /** Own profile, password and two-factor: any signed-in person. */
  'account.self': { roles: EVERYONE, scope: null },
} as const satisfies Record<string, { roles: readonly UserRole[]; scope: TokenScope | null }>

export type Permission = keyof typeof PERMISSIONS

/** Roles that see and change only the articles they wrote or are bylined on. */
export const OWN_ARTICLES_ONLY: readonly UserRole[] = ['contributor', 'author']

/** The permissions a role holds, in the matrix's order: what the newsroom app may offer it. */
export function permissionsOf(role: UserRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) =>
    PERMISSIONS[permission].roles.includes(role),
  )
}
