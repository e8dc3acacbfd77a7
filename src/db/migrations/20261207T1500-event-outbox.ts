import type { Kysely } from 'kysely'
import { dialectTypes } from './dialect-types.js'

/**
 * The transactional outbox: every committed change leaves its events here, in the change's own
 * transaction, and every process reads them in order. Shared consumers (search index, webhooks,
 * edge purge) remember how far they have read in `event_consumers`, under a lease so that one
 * process at a time does their work. A webhook delivery names the event it came from, so a
 * consumer that runs an event twice queues it once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = dialectTypes(db)
  await db.schema
    .createTable('events')
    .addColumn('id', t.serial, (c) =>
      t.isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
    // What the record was attached to before the change, for purges of pages it left.
    .addColumn('previous', t.json)
    .execute()
  await db.schema
    .createTable('event_consumers')
    .addColumn('name', 'text', (c) => c.primaryKey())
    // The id of the last event this consumer finished.
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('leased_by', 'text')
    .addColumn('lease_until', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.alterTable('webhook_deliveries').addColumn('event_id', 'integer').execute()
  await db.schema
    .createIndex('webhook_deliveries_event')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'event_id'])
    .unique()
    .execute()
}
