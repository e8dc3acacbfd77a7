import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'

/** Failures allowed before delays start, per account and per address (an office shares one). */
const FREE_FAILURES = { account: 5, address: 20 } as const
const LONGEST_DELAY_MS = 15 * 60_000

/** The delay after the nth failure past the free ones: 1 s, 2 s, 4 s, … up to 15 minutes. */
export function throttleDelayMs(failuresPastFree: number): number {
  return Math.min(1000 * 2 ** (failuresPastFree - 1), LONGEST_DELAY_MS)
}

export interface ThrottleKeys {
  account: string
  address: string
}

function keysOf(keys: ThrottleKeys): { key: string; free: number }[] {
  return [
    { key: `account:${keys.account}`, free: FREE_FAILURES.account },
    { key: `address:${keys.address}`, free: FREE_FAILURES.address },
  ]
}

/** Throws TOO_MANY_REQUESTS (with Retry-After) while the account or the address waits out a delay. */
export async function assertLoginAllowed(
  db: Kysely<Database>,
  keys: ThrottleKeys,
  now: Date,
): Promise<void> {
  const rows = await db
    .selectFrom('loginThrottles')
    .select(['blockedUntil'])
    .where(
      'key',
      'in',
      keysOf(keys).map(({ key }) => key),
    )
    .execute()
  const waitMs = Math.max(
    0,
    ...rows.map((row) => (row.blockedUntil ? Date.parse(row.blockedUntil) - now.getTime() : 0)),
  )
  if (waitMs > 0) {
    throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later', {
      retryAfterSeconds: waitMs / 1000,
    })
  }
}

/** Counts a failed sign-in against the account and the address, growing their delays. */
export async function recordLoginFailure(
  db: Kysely<Database>,
  keys: ThrottleKeys,
  now: Date,
): Promise<void> {
  for (const { key, free } of keysOf(keys)) {
    const row = await db
      .selectFrom('loginThrottles')
      .select('failures')
      .where('key', '=', key)
      .executeTakeFirst()
    const failures = (row?.failures ?? 0) + 1
    const blockedUntil =
      failures > free
        ? new Date(now.getTime() + throttleDelayMs(failures - free)).toISOString()
        : null
    await db
      .insertInto('loginThrottles')
      .values({ key, failures, blockedUntil, updatedAt: now.toISOString() })
      .onConflict((conflict) =>
        conflict
          .column('key')
          .doUpdateSet({ failures, blockedUntil, updatedAt: now.toISOString() }),
      )
      .execute()
  }
}

/** A successful sign-in clears the account's count (the address keeps its own). */
export async function clearLoginFailures(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  await db.deleteFrom('loginThrottles').where('key', '=', `account:${keys.account}`).execute()
}
