import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import { findUserCredentials, type User } from '../users/user-queries.js'
import { hashPassword, verifyPassword } from '../users/password.js'
import { assertLoginAllowed, recordLoginFailure, type ThrottleKeys } from './login-throttle.js'
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
 * Checks the credentials under the login throttle. Unknown email and wrong password fail alike.
 * Failures are counted at once, outside any transaction, so that they stay when the sign-in throws.
 */
export async function verifySignIn(
  db: Kysely<Database>,
  request: SignInRequest,
  now: Date,
): Promise<{ account: User; keys: ThrottleKeys }> {
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
  const { passwordHash: _hash, totpSecret: _secret, ...user } = account
  return { account: user, keys }
}
