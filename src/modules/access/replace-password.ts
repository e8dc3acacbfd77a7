import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import { SHORTEST_PASSWORD } from '../users/password.js'
import { setPasswordHash } from '../users/user-queries.js'
import { revokeUserSessions } from './sessions.js'

/** Refuses a password shorter than the house minimum, naming the field it came in. */
export function assertPasswordStrongEnough(password: string, property: string): void {
  if (password.length < SHORTEST_PASSWORD) {
    throw new AppError(
      'VALIDATION_FAILED',
      `A password needs at least ${SHORTEST_PASSWORD} characters`,
      { property },
    )
  }
}

/**
 * Stores a new password hash and ends every other session of the account, so a stolen session
 * dies with the old password. `keepSessionId` is the session making the change. Hash before the
 * transaction: argon2 is slow, and SQLite's one writer should not wait for it.
 */
export async function replacePassword(
  trx: Kysely<Database>,
  input: { userId: number; passwordHash: string; keepSessionId?: string },
  now: Date,
): Promise<void> {
  await setPasswordHash(trx, input.userId, input.passwordHash, now)
  await revokeUserSessions(trx, input.userId, input.keepSessionId)
}
