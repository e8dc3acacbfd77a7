import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/database.js'
import { newestEventId, outboxEvents } from './outbox-events.js'

/** What writes left behind: audit entries as `action entityType entityId actorType ipAddress`. */
export interface RecordedChanges {
  audit: string[]
  /** Outbox events as `entity.action id`. */
  events: string[]
}

/**
 * Marks where the audit log and the outbox stand now; the function it answers reads what was
 * recorded after the mark, so a test can assert exactly what one write left.
 */
export async function markRecordedChanges(
  db: Kysely<Database>,
): Promise<() => Promise<RecordedChanges>> {
  const newestAudit = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  const auditAfter = Number(newestAudit?.id ?? 0)
  const eventsAfter = await newestEventId(db)
  return async () => {
    const rows = await db
      .selectFrom('auditLog')
      .select(['action', 'entityType', 'entityId', 'actorType', 'details'])
      .where('id', '>', auditAfter)
      .orderBy('id')
      .execute()
    const audit = rows.map((row) => {
      const { ipAddress } = JSON.parse(row.details) as { ipAddress?: string | null }
      return `${row.action} ${row.entityType} ${row.entityId} ${row.actorType} ${ipAddress}`
    })
    return { audit, events: await outboxEvents(db, eventsAfter) }
  }
}
