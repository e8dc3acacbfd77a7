import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import type { Mailer } from '../../platform/mail/mailer.js'
import { hashPassword, SHORTEST_PASSWORD, verifyPassword } from '../users/password.js'
import {
  findUserCredentials,
  findUsersByIds,
  setPasswordHash,
  type User,
} from '../users/user-queries.js'
import { hashToken, revokeUserSessions } from './sessions.js'
import { generateTotpSecret, totpUri, verifyTotpCode } from './totp.js'

const RESET_LIFETIME_MS = 60 * 60_000

function assertPasswordStrongEnough(password: string, property: string): void {
  if (password.length < SHORTEST_PASSWORD) {
    throw new AppError(
      'VALIDATION_FAILED',
      `A password needs at least ${SHORTEST_PASSWORD} characters`,
      { property },
    )
  }
}

/**
 * Sets a new password and ends every other session of the account, so a stolen session dies with
 * the old password. `keepSessionId` is the session making the change.
 */
export async function setPassword(
  db: Kysely<Database>,
  input: { userId: number; newPassword: string; keepSessionId?: string },
  now: Date,
): Promise<void> {
  assertPasswordStrongEnough(input.newPassword, 'newPassword')
  await setPasswordHash(db, input.userId, await hashPassword(input.newPassword), now)
  await revokeUserSessions(db, input.userId, input.keepSessionId)
}

/** A signed-in person changes their own password, proving they know the current one. */
export async function changeOwnPassword(
  db: Kysely<Database>,
  input: { userId: number; currentPassword: string; newPassword: string; sessionId?: string },
  now: Date,
): Promise<void> {
  const account = await findUserCredentials(db, { id: input.userId })
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'The current password is not right', {
      property: 'currentPassword',
    })
  }
  await setPassword(
    db,
    { userId: input.userId, newPassword: input.newPassword, keepSessionId: input.sessionId },
    now,
  )
}

/**
 * Emails a one-hour reset link when the address belongs to an active account. Answers the same
 * either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(
  deps: { db: Kysely<Database>; mailer: Mailer; resetUrl: (token: string) => string },
  email: string,
  now: Date,
): Promise<void> {
  const account = await findUserCredentials(deps.db, { email })
  if (!account || account.isDisabled) return
  const token = randomBytes(32).toString('base64url')
  await deps.db
    .insertInto('passwordResets')
    .values({
      tokenHash: hashToken(token),
      userId: account.id,
      expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS).toISOString(),
    })
    .execute()
  await deps.mailer.send({
    to: account.email,
    subject: 'Reset your Masthead password',
    text: [
      `Hello ${account.name},`,
      '',
      'Someone asked to reset the password of your Masthead account. To choose a new one, open',
      'this link within an hour:',
      '',
      deps.resetUrl(token),
      '',
      'If it was not you, ignore this email: your password stays as it is.',
    ].join('\n'),
  })
}

/** Uses a reset token once: sets the password and signs the account out everywhere. */
export async function completePasswordReset(
  db: Kysely<Database>,
  input: { token: string; newPassword: string },
  now: Date,
): Promise<void> {
  assertPasswordStrongEnough(input.newPassword, 'newPassword')
  const reset = await db
    .selectFrom('passwordResets')
    .selectAll()
    .where('tokenHash', '=', hashToken(input.token))
    .executeTakeFirst()
  if (!reset || reset.usedAt || Date.parse(reset.expiresAt) <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'This reset link is invalid or has expired', {
      property: 'token',
    })
  }
  const claimed = await db
    .updateTable('passwordResets')
    .set({ usedAt: now.toISOString() })
    .where('tokenHash', '=', reset.tokenHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) {
    throw new AppError('VALIDATION_FAILED', 'This reset link was already used', {
      property: 'token',
    })
  }
  await setPassword(db, { userId: reset.userId, newPassword: input.newPassword }, now)
}

/** Offers a new two-factor secret; it takes effect once `confirmTotp` sees a right code. */
export async function beginTotpEnrolment(
  db: Kysely<Database>,
  input: { userId: number; email: string; issuer: string },
): Promise<{ secret: string; uri: string }> {
  const secret = generateTotpSecret()
  await db
    .updateTable('users')
    .set({ totpPendingSecret: secret })
    .where('id', '=', input.userId)
    .execute()
  return { secret, uri: totpUri({ secret, account: input.email, issuer: input.issuer }) }
}

export async function confirmTotp(
  db: Kysely<Database>,
  input: { userId: number; code: string },
  now: Date,
): Promise<void> {
  const row = await db
    .selectFrom('users')
    .select('totpPendingSecret')
    .where('id', '=', input.userId)
    .executeTakeFirst()
  const secret = row?.totpPendingSecret
  if (!secret || !verifyTotpCode(secret, input.code, now)) {
    throw new AppError('VALIDATION_FAILED', 'The authenticator code is not right', {
      property: 'code',
    })
  }
  await db
    .updateTable('users')
    .set({ totpSecret: secret, totpPendingSecret: null, updatedAt: now.toISOString() })
    .where('id', '=', input.userId)
    .execute()
}

/** Turns two-factor sign-in off; needs the password again. */
export async function disableTotp(
  db: Kysely<Database>,
  input: { userId: number; password: string },
  now: Date,
): Promise<void> {
  const account = await findUserCredentials(db, { id: input.userId })
  if (!account || !(await verifyPassword(account.passwordHash, input.password))) {
    throw new AppError('VALIDATION_FAILED', 'The password is not right', {
      property: 'password',
    })
  }
  await db
    .updateTable('users')
    .set({ totpSecret: null, totpPendingSecret: null, updatedAt: now.toISOString() })
    .where('id', '=', input.userId)
    .execute()
}

/** The interface languages of the newsroom app a person may choose. */
export const UI_LANGUAGES = ['en', 'ar'] as const

/** A signed-in person changes their own name or interface language. */
export async function updateOwnProfile(
  db: Kysely<Database>,
  input: { userId: number; name?: string; uiLanguage?: (typeof UI_LANGUAGES)[number] },
  now: Date,
): Promise<User> {
  await db
    .updateTable('users')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.uiLanguage !== undefined ? { uiLanguage: input.uiLanguage } : {}),
      updatedAt: now.toISOString(),
    })
    .where('id', '=', input.userId)
    .execute()
  const user = (await findUsersByIds(db, [input.userId])).get(input.userId)
  if (!user) throw new AppError('NOT_FOUND', `There is no user ${input.userId}`)
  return user
}
