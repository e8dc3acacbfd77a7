import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import type { Mailer } from '../../platform/mail/mailer.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'
import { hashPassword, verifyPassword } from '../users/password.js'
import { findUserCredentials, findUsersByIds, type User } from '../users/user-queries.js'
import { actorOfUser, assertPermission, assertPerson, systemActor } from './actor.js'
import { assertPasswordStrongEnough, replacePassword } from './replace-password.js'
import { hashToken } from './sessions.js'
import { generateTotpSecret, totpUri, verifyTotpCode } from './totp.js'

const RESET_LIFETIME_MS = 60 * 60_000

/** The interface languages of the newsroom app a person may choose. */
export const UI_LANGUAGES = ['en', 'ar'] as const

/** Where an anonymous request comes from; its actor is settled by what it proves. */
export interface RequestOrigin {
  ipAddress: string | null
}

interface Deps {
  db: Kysely<Database>
  clock: Clock
  /** Reset links go by email; without a mailer, asking for one is refused. */
  mailer?: Mailer
  siteUrl: string
}

function resetMail(account: { email: string; name: string }, link: string) {
  return {
    to: account.email,
    subject: 'Reset your Masthead password',
    text: [
      `Hello ${account.name},`,
      '',
      'Someone asked to reset the password of your Masthead account. To choose a new one, open',
      'this link within an hour:',
      '',
      link,
      '',
      'If it was not you, ignore this email: your password stays as it is.',
    ].join('\n'),
  }
}

/**
 * A person's own account: name and interface language, password (changed, or reset by an emailed
 * link) and two-factor sign-in. Each change is stored with its audit entry in one transaction.
 */
export function createAccountService({ db, clock, mailer, siteUrl }: Deps) {
  /** The signed-in person the context acts for; tokens and the system have no own account. */
  function ownAccountOf(context: ChangeContext): number {
    assertPermission(context.actor, 'account.self')
    return assertPerson(context.actor).userId
  }

  /** Runs one change of the account with its audit entry, in one transaction. */
  function change<T>(
    context: ChangeContext,
    audit: { action: string; userId: number; details?: Record<string, unknown> },
    work: (trx: Kysely<Database>, now: Date) => Promise<T>,
  ): Promise<T> {
    return withTransaction(db, async (trx) => {
      const now = clock.now()
      const result = await work(trx, now)
      await recordChange(
        trx,
        context,
        {
          action: audit.action,
          entityType: 'user',
          entityId: audit.userId,
          details: audit.details,
        },
        now,
      )
      return result
    })
  }

  async function isPasswordRight(userId: number, password: string): Promise<boolean> {
    const account = await findUserCredentials(db, { id: userId })
    return account !== undefined && verifyPassword(account.passwordHash, password)
  }

  async function load(userId: number): Promise<User> {
    const user = (await findUsersByIds(db, [userId])).get(userId)
    if (!user) throw new AppError('NOT_FOUND', `There is no user ${userId}`)
    return user
  }

  /** The person changes their own name or interface language. */
  async function updateProfile(
    context: ChangeContext,
    input: { name?: string; uiLanguage?: (typeof UI_LANGUAGES)[number] },
  ): Promise<User> {
    const userId = ownAccountOf(context)
    await change(
      context,
      { action: 'user.update_profile', userId, details: { ...input } },
      async (trx, now) => {
        await trx
          .updateTable('users')
          .set({
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.uiLanguage !== undefined ? { uiLanguage: input.uiLanguage } : {}),
            updatedAt: now.toISOString(),
          })
          .where('id', '=', userId)
          .execute()
      },
    )
    return load(userId)
  }

  /** Changes the password, proving the current one; every other session of the person ends. */
  async function changePassword(
    context: ChangeContext,
    input: { currentPassword: string; newPassword: string; sessionId?: string },
  ): Promise<void> {
    const userId = ownAccountOf(context)
    if (!(await isPasswordRight(userId, input.currentPassword))) {
      throw new AppError('VALIDATION_FAILED', 'The current password is not right', {
        property: 'currentPassword',
      })
    }
    assertPasswordStrongEnough(input.newPassword, 'newPassword')
    const passwordHash = await hashPassword(input.newPassword)
    await change(context, { action: 'user.change_password', userId }, (trx, now) =>
      replacePassword(trx, { userId, passwordHash, keepSessionId: input.sessionId }, now),
    )
  }

  /**
   * Emails a one-hour reset link when the address belongs to an active account, and answers the
   * same either way, so the form does not reveal who has an account. Nobody is proven yet, so the
   * audit entry is the system's, with the asking address.
   */
  async function requestPasswordReset(origin: RequestOrigin, email: string): Promise<void> {
    if (!mailer) {
      throw new AppError('CONFLICT', 'Password reset by email needs SMTP (MASTHEAD_SMTP_URL)')
    }
    const account = await findUserCredentials(db, { email })
    if (!account || account.isDisabled) return
    const token = randomBytes(32).toString('base64url')
    const context = { actor: systemActor, ipAddress: origin.ipAddress }
    await change(
      context,
      { action: 'user.request_password_reset', userId: account.id },
      async (trx, now) => {
        await trx
          .insertInto('passwordResets')
          .values({
            tokenHash: hashToken(token),
            userId: account.id,
            expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS).toISOString(),
          })
          .execute()
      },
    )
    await mailer.send(resetMail(account, `${siteUrl}/admin/reset-password#token=${token}`))
  }

  /**
   * Uses a reset token once: sets the password and signs the account out everywhere. The holder
   * of the link has proved the mailbox, so the audit entry is the account's own.
   */
  async function completePasswordReset(
    origin: RequestOrigin,
    input: { token: string; newPassword: string },
  ): Promise<void> {
    assertPasswordStrongEnough(input.newPassword, 'newPassword')
    const tokenHash = hashToken(input.token)
    const reset = await db
      .selectFrom('passwordResets')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .executeTakeFirst()
    if (!reset || reset.usedAt || Date.parse(reset.expiresAt) <= clock.now().getTime()) {
      throw new AppError('VALIDATION_FAILED', 'This reset link is invalid or has expired', {
        property: 'token',
      })
    }
    const account = await load(reset.userId)
    const passwordHash = await hashPassword(input.newPassword)
    const context = { actor: actorOfUser(account), ipAddress: origin.ipAddress }
    await change(
      context,
      { action: 'user.reset_password', userId: account.id },
      async (trx, now) => {
        const claimed = await trx
          .updateTable('passwordResets')
          .set({ usedAt: now.toISOString() })
          .where('tokenHash', '=', tokenHash)
          .where('usedAt', 'is', null)
          .executeTakeFirst()
        if (Number(claimed.numUpdatedRows) !== 1) {
          throw new AppError('VALIDATION_FAILED', 'This reset link was already used', {
            property: 'token',
          })
        }
        await replacePassword(trx, { userId: account.id, passwordHash }, now)
      },
    )
  }

  /** Offers a new two-factor secret; it takes effect once `confirmTwoFactor` sees a right code. */
  async function beginTwoFactor(context: ChangeContext): Promise<{ secret: string; uri: string }> {
    const userId = ownAccountOf(context)
    const { email } = await load(userId)
    const secret = generateTotpSecret()
    await change(context, { action: 'user.begin_two_factor', userId }, async (trx) => {
      await trx
        .updateTable('users')
        .set({ totpPendingSecret: secret })
        .where('id', '=', userId)
        .execute()
    })
    return { secret, uri: totpUri({ secret, account: email, issuer: 'Masthead' }) }
  }

  /** Turns two-factor sign-in on with a first right code for the offered secret. */
  async function confirmTwoFactor(context: ChangeContext, code: string): Promise<void> {
    const userId = ownAccountOf(context)
    await change(context, { action: 'user.enable_two_factor', userId }, async (trx, now) => {
      const row = await trx
        .selectFrom('users')
        .select('totpPendingSecret')
        .where('id', '=', userId)
        .executeTakeFirst()
      const secret = row?.totpPendingSecret
      if (!secret || !verifyTotpCode(secret, code, now)) {
        throw new AppError('VALIDATION_FAILED', 'The authenticator code is not right', {
          property: 'code',
        })
      }
      await trx
        .updateTable('users')
        .set({ totpSecret: secret, totpPendingSecret: null, updatedAt: now.toISOString() })
        .where('id', '=', userId)
        .execute()
    })
  }

  /** Turns two-factor sign-in off; needs the password again. */
  async function disableTwoFactor(context: ChangeContext, password: string): Promise<void> {
    const userId = ownAccountOf(context)
    if (!(await isPasswordRight(userId, password))) {
      throw new AppError('VALIDATION_FAILED', 'The password is not right', {
        property: 'password',
      })
    }
    await change(context, { action: 'user.disable_two_factor', userId }, async (trx, now) => {
      await trx
        .updateTable('users')
        .set({ totpSecret: null, totpPendingSecret: null, updatedAt: now.toISOString() })
        .where('id', '=', userId)
        .execute()
    })
  }

  return {
    updateProfile,
    changePassword,
    requestPasswordReset,
    completePasswordReset,
    beginTwoFactor,
    confirmTwoFactor,
    disableTwoFactor,
  }
}

export type AccountService = ReturnType<typeof createAccountService>
