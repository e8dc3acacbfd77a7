import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/database.js'
import type { ContentEvent } from '../../src/platform/events.js'
import type { EventOutbox } from '../../src/platform/outbox/event-outbox.js'
import { recordEvents } from '../../src/platform/outbox/record-events.js'

/** Records events as a service would, in a transaction of their own, and delivers them. */
export async function recordAndDeliver(
  db: Kysely<Database>,
  outbox: Pick<EventOutbox, 'deliver'>,
  ...events: ContentEvent[]
): Promise<void> {
  await db.transaction().execute((trx) => recordEvents(trx, events))
  await outbox.deliver()
}

/** The outbox's events in order, as `entity.action id`. */
export async function outboxEvents(db: Kysely<Database>, afterId = 0): Promise<string[]> {
  const rows = await db
    .selectFrom('events')
    .select(['entity', 'action', 'entityId'])
    .where('id', '>', afterId)
    .orderBy('id')
    .execute()
  return rows.map((row) => `${row.entity}.${row.action} ${row.entityId}`)
}

/** The id of the newest event in the outbox (0 when empty). */
export async function newestEventId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}
