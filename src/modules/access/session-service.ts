import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'
import { findUserCredentials, type User } from '../users/user-queries.js'
import { actorOfUser, assertPermission, assertPerson, type Actor } from './actor.js'
import { clearLoginFailures } from './login-throttle.js'
import { createSession, hashToken, revokeSession } from './sessions.js'
import { verifySignIn, type SignInRequest } from './sign-in.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
}

/** A new session: the token for the cookie (and nowhere else), its CSRF token and the person. */
export interface NewSession {
  token: string
  csrfToken: string
  user: User
}

/**
 * Signing in and out. A sign-in opens a new session (never reusing one, so a planted session id is
 * worthless) and is audited as `session.create` by the person signing in, in one transaction. A
 * failed sign-in changes nothing but the throttle's counts; a sign-out is audited as
 * `session.delete`.
 */
export function createSessionService({ db, clock }: Deps) {
  async function signIn(
    request: SignInRequest & { replacedToken?: string | undefined },
  ): Promise<NewSession> {
    const now = clock.now()
    const { account, keys } = await verifySignIn(db, request, now)
    const session = await withTransaction(db, async (trx) => {
      await clearLoginFailures(trx, keys)
      await trx
        .updateTable('users')
        .set({ lastLoginAt: now.toISOString() })
        .where('id', '=', account.id)
        .execute()
      // A session id planted before sign-in is dropped, never promoted.
      if (request.replacedToken) await revokeSession(trx, hashToken(request.replacedToken))
      const session = await createSession(
        trx,
        { userId: account.id, ipAddress: request.ipAddress, userAgent: request.userAgent },
        now,
      )
      await recordChange(
        trx,
        { actor: actorOfUser(account), ipAddress: request.ipAddress },
        { action: 'session.create', entityType: 'user', entityId: account.id },
        now,
      )
      return session
    })
    return { ...session, user: { ...account, lastLoginAt: now.toISOString() } }
  }

  /** Ends the caller's own session (the one the request came with). */
  async function signOut(context: ChangeContext, sessionId: string | null): Promise<void> {
    assertPermission(context.actor, 'account.self')
    const { userId } = assertPerson(context.actor)
    await withTransaction(db, async (trx) => {
      if (sessionId) await revokeSession(trx, sessionId)
      await recordChange(
        trx,
        context,
        { action: 'session.delete', entityType: 'user', entityId: userId },
        clock.now(),
      )
    })
  }

  /** The signed-in person, whether two-factor sign-in is on, and the session's CSRF token. */
  async function current(
    actor: Actor,
    sessionId: string | null,
  ): Promise<{ user: User & { hasTwoFactor: boolean }; csrfToken: string | null }> {
    assertPermission(actor, 'account.self')
    const { userId } = assertPerson(actor)
    const [session, account] = await Promise.all([
      db
        .selectFrom('sessions')
        .select('csrfToken')
        .where('id', '=', sessionId ?? '')
        .executeTakeFirst(),
      findUserCredentials(db, { id: userId }),
    ])
    if (!account) throw new AppError('NOT_FOUND', `There is no user ${userId}`)
    const { passwordHash: _hash, totpSecret, ...user } = account
    return {
      user: { ...user, hasTwoFactor: Boolean(totpSecret) },
      csrfToken: session?.csrfToken ?? null,
    }
  }

  return { signIn, signOut, current }
}

export type SessionService = ReturnType<typeof createSessionService>
