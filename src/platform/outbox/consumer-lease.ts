import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'

/** How long a process may hold a shared consumer without renewing; a crashed one lets go then. */
export const LEASE_MS = 10_000

/** A shared consumer's place in the outbox, held by one process at a time. */
export interface ConsumerLease {
  /** The id of the last event the consumer finished. */
  position: number
  /** Records progress and extends the lease; false when the lease was lost meanwhile. */
  advance(position: number): Promise<boolean>
  /** Records the final position and lets go, in one statement. */
  release(position: number): Promise<void>
}

function leaseEnd(): string {
  return new Date(Date.now() + LEASE_MS).toISOString()
}

/**
 * Makes sure the named consumer has its row; a consumer met for the first time starts at the
 * beginning of the outbox (its work is idempotent, and old rows are pruned).
 */
export async function registerConsumer(db: Kysely<Database>, name: string): Promise<void> {
  await db
    .insertInto('eventConsumers')
    .values({
      name,
      position: 0,
      leasedBy: null,
      leaseUntil: null,
      updatedAt: new Date().toISOString(),
    })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute()
}

/**
 * Takes the named (registered) consumer for this process when nobody holds it or the holder's
 * lease ran out; undefined when another process is at work on it.
 */
export async function claimConsumer(
  db: Kysely<Database>,
  name: string,
  holder: string,
): Promise<ConsumerLease | undefined> {
  const now = new Date().toISOString()
  const claimed = await db
    .updateTable('eventConsumers')
    .set({ leasedBy: holder, leaseUntil: leaseEnd(), updatedAt: now })
    .where('name', '=', name)
    .where((eb) =>
      eb.or([eb('leasedBy', 'is', null), eb('leasedBy', '=', holder), eb('leaseUntil', '<', now)]),
    )
    .returning('position')
    .executeTakeFirst()
  if (!claimed) return undefined
  const held = db
    .updateTable('eventConsumers')
    .where('name', '=', name)
    .where('leasedBy', '=', holder)
  return {
    position: Number(claimed.position),
    async advance(position) {
      const result = await held
        .set({ position, leaseUntil: leaseEnd(), updatedAt: new Date().toISOString() })
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },
    async release(position) {
      await held
        .set({ position, leasedBy: null, leaseUntil: null, updatedAt: new Date().toISOString() })
        .execute()
    },
  }
}

/** The lowest position of the shared consumers: events at or below it have been consumed by all. */
export async function lowestConsumerPosition(db: Kysely<Database>): Promise<number | undefined> {
  const row = await db
    .selectFrom('eventConsumers')
    .select((eb) => eb.fn.min('position').as('position'))
    .executeTakeFirst()
  return row?.position === null || row?.position === undefined ? undefined : Number(row.position)
}
