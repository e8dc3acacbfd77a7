import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import { findUserCredentials, type User } from '../users/user-queries.js'
import { hashPassword, verifyPassword } from '../users/password.js'
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-throttle.js'
import { createSession } from './sessions.js'
import { verifyTotpCode } from './totp.js'

export interface SignInRequest {
  email: string
  password: string
  /** The authenticator code, for accounts with two-factor sign-in. */
  code?: string
  ipAddress: string
  userAgent: string | null
}

// Checked when the email is unknown, so a miss costs the same time as a wrong password. Made at
// the first sign-in, not at start, so that a process that never signs anyone in never loads argon2.
let decoyHash: Promise<string> | undefined

/**
 * Checks the credentials under the login throttle and opens a new session (never reusing one, so
 * a planted session id is worthless). Unknown email and wrong password fail alike.
 */
export async function signIn(
  db: Kysely<Database>,
  request: SignInRequest,
  now: Date,
): Promise<{ token: string; csrfToken: string; user: User }> {
  const keys = { account: request.email.trim().toLowerCase(), address: request.ipAddress }
  await assertLoginAllowed(db, keys, now)
  const account = await findUserCredentials(db, { email: request.email })
  const isPasswordRight = await verifyPassword(
    account?.passwordHash ?? (await (decoyHash ??= hashPassword('masthead-decoy-password'))),
    request.password,
  )
  if (!account || account.isDisabled || !isPasswordRight) {
    await recordLoginFailure(db, keys, now)
    throw new AppError('INVALID_CREDENTIALS', 'The email or password is not right')
  }
  if (account.totpSecret) {
    if (!request.code) {
      throw new AppError('TOTP_REQUIRED', 'Enter the code from your authenticator app', {
        property: 'code',
      })
    }
    if (!verifyTotpCode(account.totpSecret, request.code, now)) {
      await recordLoginFailure(db, keys, now)
      throw new AppError('TOTP_REQUIRED', 'The authenticator code is not right', {
        property: 'code',
      })
    }
  }
  await clearLoginFailures(db, keys)
  await db
    .updateTable('users')
    .set({ lastLoginAt: now.toISOString() })
    .where('id', '=', account.id)
    .execute()
  const session = await createSession(
    db,
    { userId: account.id, ipAddress: request.ipAddress, userAgent: request.userAgent },
    now,
  )
  const { passwordHash: _hash, totpSecret: _secret, ...user } = account
  return { ...session, user: { ...user, lastLoginAt: now.toISOString() } }
}
