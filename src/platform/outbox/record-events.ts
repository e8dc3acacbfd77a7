import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../../db/dialect-sql.js'
import type { Database } from '../../db/database.js'
import type { ContentEvent, DeliveredEvent } from '../events.js'

/** The PostgreSQL channel that wakes outbox readers when events commit. */
export const EVENTS_CHANNEL = 'masthead_events'
/** Serialises outbox writers on PostgreSQL, so ids become visible in the order they were given. */
const OUTBOX_LOCK_KEY = 7_201_961
/** Rows per insert: both databases' limits on bound parameters stay far away. */
const ROWS_PER_INSERT = 500

/**
 * Writes events into the outbox inside the caller's transaction: they exist if and only if the
 * change commits. On PostgreSQL a transaction-scoped lock orders the writers (a reader that saw
 * id 11 can never later find 10 committing) and NOTIFY, sent only at commit, wakes the readers.
 * SQLite writes one transaction at a time, so its ids are already in commit order.
 */
export async function recordEvents(
  trx: Kysely<Database>,
  events: readonly ContentEvent[],
): Promise<void> {
  if (events.length === 0) return
  if (!trx.isTransaction) throw new Error('Events are recorded only inside their change')
  const onPostgres = isPostgres(trx)
  if (onPostgres) await sql`select pg_advisory_xact_lock(${OUTBOX_LOCK_KEY})`.execute(trx)
  for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
    await trx
      .insertInto('events')
      .values(
        events.slice(start, start + ROWS_PER_INSERT).map((event) => ({
          entity: event.entity,
          action: event.action,
          entityId: event.id,
          occurredAt: event.occurredAt,
          previous: event.previous === undefined ? null : JSON.stringify(event.previous),
        })),
      )
      .execute()
  }
  if (onPostgres) await sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(trx)
}

/** An outbox row as consumers see it. */
export function eventOfRow(row: {
  id: number
  entity: string
  action: string
  entityId: number
  occurredAt: string | Date
  previous: unknown
}): DeliveredEvent {
  const previous =
    typeof row.previous === 'string'
      ? (JSON.parse(row.previous) as Record<string, unknown>)
      : (row.previous as Record<string, unknown> | null)
  return {
    eventId: Number(row.id),
    entity: row.entity as DeliveredEvent['entity'],
    action: row.action as DeliveredEvent['action'],
    id: Number(row.entityId),
    occurredAt: new Date(row.occurredAt).toISOString(),
    ...(previous ? { previous } : {}),
  }
}
