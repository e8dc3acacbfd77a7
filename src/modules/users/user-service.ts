import type { Kysely } from 'kysely'
import type { Database, UserRole } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import { revokeUserSessions } from '../access/sessions.js'
import { hashPassword, SHORTEST_PASSWORD } from './password.js'
import { createUser, findUsersByIds, normalizeEmail, type User } from './user-queries.js'

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').select('id').orderBy('name').execute()
  const users = await findUsersByIds(
    db,
    rows.map((row) => row.id),
  )
  return rows.flatMap((row) => users.get(row.id) ?? [])
}

/** Adds an account; a duplicate email is a 409 on the `email` field. */
export async function addUser(
  db: Kysely<Database>,
  input: { email: string; name: string; role: UserRole; password: string },
  now: Date,
): Promise<User> {
  if (input.password.length < SHORTEST_PASSWORD) {
    throw new AppError(
      'VALIDATION_FAILED',
      `A password needs at least ${SHORTEST_PASSWORD} characters`,
      {
        property: 'password',
      },
    )
  }
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', normalizeEmail(input.email))
    .executeTakeFirst()
  if (existing) {
    throw new AppError('CONFLICT', 'An account with this email already exists', {
      property: 'email',
    })
  }
  const id = await createUser(
    db,
    { ...input, passwordHash: await hashPassword(input.password) },
    now,
  )
  const user = (await findUsersByIds(db, [id])).get(id)
  if (!user) throw new AppError('INTERNAL', 'The new account vanished')
  return user
}

/** Changes name, role or the disabled flag; disabling signs the account out everywhere. */
export async function updateUser(
  db: Kysely<Database>,
  input: {
    id: number
    actingUserId: number | null
    name?: string
    role?: UserRole
    isDisabled?: boolean
  },
  now: Date,
): Promise<User> {
  const current = (await findUsersByIds(db, [input.id])).get(input.id)
  if (!current) throw new AppError('NOT_FOUND', `There is no user ${input.id}`)
  if (
    input.id === input.actingUserId &&
    (input.isDisabled || (input.role && input.role !== 'admin'))
  ) {
    throw new AppError(
      'CONFLICT',
      'You cannot disable your own account or take away your own admin role',
    )
  }
  await db
    .updateTable('users')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.isDisabled !== undefined
        ? { disabledAt: input.isDisabled ? now.toISOString() : null }
        : {}),
      updatedAt: now.toISOString(),
    })
    .where('id', '=', input.id)
    .execute()
  if (input.isDisabled || (input.role && input.role !== current.role)) {
    await revokeUserSessions(db, input.id)
  }
  const user = (await findUsersByIds(db, [input.id])).get(input.id)
  if (!user) throw new AppError('NOT_FOUND', `There is no user ${input.id}`)
  return user
}
