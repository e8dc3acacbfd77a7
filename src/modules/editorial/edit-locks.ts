import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'

/** A lock not refreshed for this long is free: the editor closed the tab or lost the network. */
export const LOCK_LAPSE_MS = 2 * 60_000

export interface EditLock {
  userId: number
  userName: string
  since: string
  refreshedAt: string
}

export async function findEditLock(
  db: Kysely<Database>,
  articleId: number,
  now: Date,
): Promise<EditLock | undefined> {
  const row = await db
    .selectFrom('articleLocks')
    .innerJoin('users', 'users.id', 'articleLocks.userId')
    .select([
      'articleLocks.userId',
      'users.name as userName',
      'articleLocks.acquiredAt as since',
      'articleLocks.refreshedAt',
    ])
    .where('articleLocks.articleId', '=', articleId)
    .executeTakeFirst()
  if (!row || Date.parse(row.refreshedAt) + LOCK_LAPSE_MS <= now.getTime()) return undefined
  return row
}

/**
 * Takes or refreshes the soft lock. Someone else's live lock is kept unless `takeOver`; either
 * way the answer is who holds the lock afterwards.
 */
export async function acquireEditLock(
  db: Kysely<Database>,
  input: { articleId: number; userId: number; takeOver: boolean },
  now: Date,
): Promise<EditLock | undefined> {
  const current = await findEditLock(db, input.articleId, now)
  const timestamp = now.toISOString()
  if (current && current.userId !== input.userId && !input.takeOver) return current
  await db
    .insertInto('articleLocks')
    .values({
      articleId: input.articleId,
      userId: input.userId,
      acquiredAt: timestamp,
      refreshedAt: timestamp,
    })
    .onConflict((conflict) =>
      conflict.column('articleId').doUpdateSet({
        userId: input.userId,
        refreshedAt: timestamp,
        acquiredAt: current?.userId === input.userId ? current.since : timestamp,
      }),
    )
    .execute()
  return findEditLock(db, input.articleId, now)
}

/** Lets go of the lock, if this user holds it. */
export async function releaseEditLock(
  db: Kysely<Database>,
  input: { articleId: number; userId: number },
): Promise<void> {
  await db
    .deleteFrom('articleLocks')
    .where('articleId', '=', input.articleId)
    .where('userId', '=', input.userId)
    .execute()
}
