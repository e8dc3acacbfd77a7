import type { Kysely } from 'kysely'
import type { Database, UserRole } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { recordChange } from '../audit/record-change.js'
import { hashPassword } from '../users/password.js'
import {
  createUser,
  findUserIdByEmail,
  findUsersByIds,
  listUsers,
  USER_ROLES,
  type User,
} from '../users/user-queries.js'
import { assertPermission, type Actor, type ChangeContext } from './actor.js'
import { assertPasswordStrongEnough, replacePassword } from './replace-password.js'
import { revokeUserSessions } from './sessions.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
}

/** A new account as the Admin API and the CLI give it. */
export interface NewUser {
  email: string
  name: string
  role: string
  password: string
}

/** What an admin may change on an account; unset fields stay as they are. */
export interface UserChanges {
  name?: string
  role?: string
  isDisabled?: boolean
}

/** An account as the list of choices for a byline's linked account shows it. */
export type AccountListing = Pick<User, 'id' | 'name' | 'email' | 'isDisabled'>

function assertRole(role: string): UserRole {
  const known = USER_ROLES.find((candidate) => candidate === role)
  if (!known) {
    throw new AppError('VALIDATION_FAILED', `A role is one of ${USER_ROLES.join(', ')}`, {
      property: 'role',
    })
  }
  return known
}

function notFound(id: number | string): AppError {
  return new AppError('NOT_FOUND', `There is no user ${id}`)
}

/**
 * Newsroom accounts as admins (and the CLI, as the system) manage them: add, change name and role,
 * disable, set a password. Each change is checked against `users.manage` and stored with its audit
 * entry in one transaction; accounts are not content, so no events.
 */
export function createUserService({ db, clock }: Deps) {
  async function load(id: number): Promise<User> {
    const user = (await findUsersByIds(db, [id])).get(id)
    if (!user) throw notFound(id)
    return user
  }

  async function list(actor: Actor): Promise<User[]> {
    assertPermission(actor, 'users.manage')
    return listUsers(db)
  }

  /** Every account by name, as much as linking a byline to one needs. */
  async function directory(actor: Actor): Promise<AccountListing[]> {
    assertPermission(actor, 'users.directory')
    return (await listUsers(db)).map(({ id, name, email, isDisabled }) => ({
      id,
      name,
      email,
      isDisabled,
    }))
  }

  /** Adds an account; a duplicate email is a 409 on the `email` field. */
  async function create(context: ChangeContext, input: NewUser): Promise<User> {
    assertPermission(context.actor, 'users.manage')
    const role = assertRole(input.role)
    assertPasswordStrongEnough(input.password, 'password')
    const passwordHash = await hashPassword(input.password)
    const id = await withTransaction(db, async (trx) => {
      if (await findUserIdByEmail(trx, input.email)) {
        throw new AppError('CONFLICT', 'An account with this email already exists', {
          property: 'email',
        })
      }
      const now = clock.now()
      const id = await createUser(trx, { ...input, role, passwordHash }, now)
      await recordChange(
        trx,
        context,
        { action: 'user.create', entityType: 'user', entityId: id, details: { role } },
        now,
      )
      return id
    })
    return load(id)
  }

  /** Changes name, role or the disabled flag; disabling or a new role signs the account out. */
  async function update(context: ChangeContext, id: number, changes: UserChanges): Promise<User> {
    assertPermission(context.actor, 'users.manage')
    const role = changes.role === undefined ? undefined : assertRole(changes.role)
    const isSelf = context.actor.kind === 'user' && context.actor.userId === id
    if (isSelf && (changes.isDisabled || (role && role !== 'admin'))) {
      throw new AppError(
        'CONFLICT',
        'You cannot disable your own account or take away your own admin role',
      )
    }
    await withTransaction(db, async (trx) => {
      const current = (await findUsersByIds(trx, [id])).get(id)
      if (!current) throw notFound(id)
      const now = clock.now()
      await trx
        .updateTable('users')
        .set({
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(role !== undefined ? { role } : {}),
          ...(changes.isDisabled !== undefined
            ? { disabledAt: changes.isDisabled ? now.toISOString() : null }
            : {}),
          updatedAt: now.toISOString(),
        })
        .where('id', '=', id)
        .execute()
      if (changes.isDisabled || (role && role !== current.role)) {
        await revokeUserSessions(trx, id)
      }
      await recordChange(
        trx,
        context,
        { action: 'user.update', entityType: 'user', entityId: id, details: { ...changes } },
        now,
      )
    })
    return load(id)
  }

  /** Sets someone's password without the old one (the CLI's `user reset-password`). */
  async function resetPassword(
    context: ChangeContext,
    input: { email: string; newPassword: string },
  ): Promise<User> {
    assertPermission(context.actor, 'users.manage')
    assertPasswordStrongEnough(input.newPassword, 'newPassword')
    const passwordHash = await hashPassword(input.newPassword)
    const id = await withTransaction(db, async (trx) => {
      const id = await findUserIdByEmail(trx, input.email)
      if (id === undefined) throw notFound(input.email)
      const now = clock.now()
      await replacePassword(trx, { userId: id, passwordHash }, now)
      await recordChange(
        trx,
        context,
        { action: 'user.reset_password', entityType: 'user', entityId: id },
        now,
      )
      return id
    })
    return load(id)
  }

  return { list, directory, create, update, resetPassword }
}

export type UserService = ReturnType<typeof createUserService>
