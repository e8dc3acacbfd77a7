import type { Kysely } from 'kysely'
import type { Database, UserRole } from '../../db/database.js'

export type { UserRole }
export const USER_ROLES: readonly UserRole[] = ['contributor', 'author', 'editor', 'admin']

/** A newsroom account, without its secrets. */
export interface User {
  id: number
  email: string
  name: string
  role: UserRole
  /** The interface language the person chose for the newsroom app; null until they choose. */
  uiLanguage: string | null
  isDisabled: boolean
  lastLoginAt: string | null
  createdAt: string
}

const PUBLIC_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'uiLanguage',
  'disabledAt',
  'lastLoginAt',
  'createdAt',
] as const

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** Stores a new account; `passwordHash` is already an argon2id hash. */
export async function createUser(
  db: Kysely<Database>,
  input: { email: string; name: string; role: UserRole; passwordHash: string },
  now: Date,
): Promise<number> {
  const timestamp = now.toISOString()
  const { id } = await db
    .insertInto('users')
    .values({
      email: normalizeEmail(input.email),
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      createdAt: timestamp,
      updatedAt: timestamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** The account with its password hash and two-factor secret, for signing in. */
export async function findUserCredentials(
  db: Kysely<Database>,
  by: { email: string } | { id: number },
): Promise<(User & { passwordHash: string; totpSecret: string | null }) | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'passwordHash', 'totpSecret'])
    .where((eb) =>
      'email' in by ? eb('email', '=', normalizeEmail(by.email)) : eb('id', '=', by.id),
    )
    .executeTakeFirst()
  if (!row) return undefined
  const { disabledAt, ...rest } = row
  return { ...rest, isDisabled: disabledAt !== null }
}

/** Every account, by name. */
export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').select('id').orderBy('name').execute()
  const users = await findUsersByIds(
    db,
    rows.map((row) => row.id),
  )
  return rows.flatMap((row) => users.get(row.id) ?? [])
}

/** The id of the account with this email (compared lower-cased), if there is one. */
export async function findUserIdByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst()
  return row?.id
}

export async function findUsersByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, User>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(PUBLIC_COLUMNS)
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(
    rows.map(({ disabledAt, ...rest }) => [rest.id, { ...rest, isDisabled: disabledAt !== null }]),
  )
}

/** Replaces a user's password hash. */
export async function setPasswordHash(
  db: Kysely<Database>,
  userId: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ passwordHash, updatedAt: now.toISOString() })
    .where('id', '=', userId)
    .execute()
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const { total } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  return Number(total)
}
