import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { User } from '../users/user-queries.js'
import { findUsersByIds } from '../users/user-queries.js'

/** A session lasts at most this long, and ends sooner after this much idleness. */
export const SESSION_LIFETIME_MS = 30 * 24 * 3_600_000
export const SESSION_IDLE_MS = 12 * 3_600_000
/** last_seen_at is written at most this often, so reads do not all become writes. */
const TOUCH_INTERVAL_MS = 60_000

/** The hash stored for a secret token; the token itself never reaches the database. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface SignedInSession {
  id: string
  csrfToken: string
  user: User
}

/** Starts a session; the returned token goes into the cookie and nowhere else. */
export async function createSession(
  db: Kysely<Database>,
  input: { userId: number; ipAddress: string | null; userAgent: string | null },
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      userId: input.userId,
      csrfToken,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
    })
    .execute()
  return { token, csrfToken }
}

/** The live session of a cookie token with its (active) user, refreshing its idle clock. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<SignedInSession | undefined> {
  const id = hashToken(token)
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!session) return undefined
  const idleSince = now.getTime() - Date.parse(session.lastSeenAt)
  if (Date.parse(session.expiresAt) <= now.getTime() || idleSince >= SESSION_IDLE_MS) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return undefined
  }
  const user = (await findUsersByIds(db, [session.userId])).get(session.userId)
  if (!user || user.isDisabled) return undefined
  if (idleSince >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: now.toISOString() })
      .where('id', '=', id)
      .execute()
  }
  return { id, csrfToken: session.csrfToken, user }
}

export async function revokeSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

/** Ends every session of a user (password change, disabling), except optionally the current one. */
export async function revokeUserSessions(
  db: Kysely<Database>,
  userId: number,
  exceptSessionId?: string,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId)
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId)
  await query.execute()
}
