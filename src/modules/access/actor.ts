import type { UserRole } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import {
  OWN_ARTICLES_ONLY,
  PERMISSIONS,
  scopesReach,
  type Permission,
  type TokenScope,
} from './permissions.js'

/** Who is acting: a signed-in person, an integration's token, or Masthead itself (jobs, CLI). */
export type Actor =
  | { kind: 'user'; userId: number; role: UserRole; name: string }
  | { kind: 'token'; tokenId: number; scopes: readonly TokenScope[]; createdBy: number | null }
  | { kind: 'system' }

export const systemActor: Actor = { kind: 'system' }

export function hasPermission(actor: Actor, permission: Permission): boolean {
  const rule = PERMISSIONS[permission]
  if (actor.kind === 'system') return true
  if (actor.kind === 'user') return rule.roles.includes(actor.role)
  return rule.scope !== null && scopesReach(actor.scopes, rule.scope)
}

/** Throws FORBIDDEN unless the actor holds the permission. */
export function assertPermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) {
    throw new AppError('FORBIDDEN', `This needs the ${permission} permission`)
  }
}

/** The person acting, for what only a signed-in person does (their own account); else FORBIDDEN. */
export function assertPerson(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') {
    throw new AppError('FORBIDDEN', 'This is for people signed in, not for API tokens')
  }
  return actor
}

/** The actor of an account that has just proved who it is (a sign-in, a reset link). */
export function actorOfUser(user: { id: number; role: UserRole; name: string }): Actor {
  return { kind: 'user', userId: user.id, role: user.role, name: user.name }
}

/** Whether the actor may act on every article, not only their own. */
export function seesAllArticles(actor: Actor): boolean {
  return actor.kind !== 'user' || !OWN_ARTICLES_ONLY.includes(actor.role)
}

/** The user id to attribute a change to, if a person made it. */
export function actingUserId(actor: Actor): number | null {
  if (actor.kind === 'user') return actor.userId
  if (actor.kind === 'token') return actor.createdBy
  return null
}
