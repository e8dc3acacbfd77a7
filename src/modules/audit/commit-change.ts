import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import type { Clock } from '../../platform/clock.js'
import type { ContentAction, ContentEntity } from '../../platform/events.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { recordChange, type AuditedContext, type Change } from './record-change.js'

/** What a service commits its changes with. */
export interface ChangeStore {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

/**
 * A service's write: `work` makes the change in a transaction and says what it was; the change's
 * audit entry and events are recorded in that same transaction, and delivered once it commits.
 */
export async function commitChange<T>(
  store: ChangeStore,
  context: AuditedContext,
  work: (trx: Kysely<Database>) => Promise<{ result: T; change: Change }>,
): Promise<T> {
  const result = await withTransaction(store.db, async (trx) => {
    const done = await work(trx)
    await recordChange(trx, context, done.change, store.clock.now())
    return done.result
  })
  await deliverAfterCommit(store.db, store.outbox)
  return result
}

/** The change of one content record: audited as `entity.action`, announced as the same event. */
export function contentChange(entity: ContentEntity, action: ContentAction, id: number): Change {
  return {
    action: `${entity}.${action}`,
    entityType: entity,
    entityId: id,
    events: [{ entity, action, id }],
  }
}
