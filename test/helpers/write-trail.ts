import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/database.js'
import { newestEventId, outboxEvents } from './outbox-events.js'

/** An audit entry as the tests compare them. */
export interface AuditTrailEntry {
  action: string
  entityType: string
  entityId: string | null
  actorType: string
  actorId: number | null
}

async function newestAuditId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}

/** Runs a write and answers what it left: its answer, its audit entries and its outbox rows. */
export async function trackWrite<R>(
  db: Kysely<Database>,
  write: () => Promise<R>,
): Promise<{ response: R; audit: AuditTrailEntry[]; events: string[] }> {
  const afterEvent = await newestEventId(db)
  const afterAudit = await newestAuditId(db)
  const response = await write()
  const audit = await db
    .selectFrom('auditLog')
    .select(['action', 'entityType', 'entityId', 'actorType', 'actorId'])
    .where('id', '>', afterAudit)
    .orderBy('id')
    .execute()
  return { response, audit, events: await outboxEvents(db, afterEvent) }
}
