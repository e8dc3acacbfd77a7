import { createHmac } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { Database, WebhooksTable } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import type { Clock } from '../../platform/clock.js'
import type { ContentEvent, DeliveredEvent } from '../../platform/events.js'
import type { EventOutbox } from '../../platform/outbox/event-outbox.js'
import { createJobQueue, type JobHandler, type JobQueue } from '../../platform/job-queue.js'

export const WEBHOOK_JOB = 'webhook.deliver'
export const WEBHOOK_ATTEMPTS = 6
const TIMEOUT_MS = 10_000

/** `sha256=<hex>` of the body with the webhook's secret, sent as X-Masthead-Signature. */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** The event name a webhook subscribes to: `article.published`. */
export function eventName(event: Pick<ContentEvent, 'entity' | 'action'>): string {
  return `${event.entity}.${event.action}`
}

/**
 * Queues one delivery per active webhook subscribed to each event, once per site. The deliveries
 * and their jobs commit together, and a delivery names its event, so an event read twice (after a
 * crash) is queued once.
 */
export function subscribeWebhooks(deps: {
  db: Kysely<Database>
  clock: Clock
  outbox: EventOutbox
}): void {
  deps.outbox.consume({
    name: 'webhooks',
    isAwaitedByWriters: false,
    async handle(events) {
      const hooks = await deps.db
        .selectFrom('webhooks')
        .selectAll()
        .where('isActive', '=', 1)
        .execute()
      if (hooks.length === 0) return
      await withTransaction(deps.db, async (trx) => {
        const queue = createJobQueue({ db: trx, clock: deps.clock })
        for (const event of events) await queueDeliveries(trx, queue, hooks, event, deps.clock)
      })
    },
  })
}

async function queueDeliveries(
  trx: Kysely<Database>,
  queue: JobQueue,
  hooks: Selectable<WebhooksTable>[],
  event: DeliveredEvent,
  clock: Clock,
): Promise<void> {
  const name = eventName(event)
  for (const hook of hooks) {
    const wanted = JSON.parse(hook.events) as string[]
    if (!wanted.includes(name) && !wanted.includes('*')) continue
    const now = clock.now().toISOString()
    const payload = JSON.stringify({
      event: name,
      id: event.id,
      // A live story's entry names its story, as a deleted entry can no longer be looked up.
      ...(event.entity === 'live_entry' && { articleId: Number(event.previous?.['articleId']) }),
      occurredAt: event.occurredAt,
    })
    const queued = await trx
      .insertInto('webhookDeliveries')
      .values({
        webhookId: hook.id,
        eventId: event.eventId,
        event: name,
        payload,
        status: 'pending',
        attempts: 0,
        createdAt: now,
        updatedAt: now,
      })
      .onConflict((conflict) => conflict.columns(['webhookId', 'eventId']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!queued) continue
    await queue.enqueue({
      kind: WEBHOOK_JOB,
      payload: { deliveryId: queued.id },
      maxAttempts: WEBHOOK_ATTEMPTS,
    })
  }
}

/**
 * Sends one delivery: a JSON POST signed with HMAC-SHA256 over `timestamp.body`. A non-2xx answer
 * or a network failure throws, so the job queue retries it with growing delays; the delivery row
 * keeps the attempts, the last status and error, and ends delivered or failed.
 */
export function webhookDeliveryHandler(deps: {
  db: Kysely<Database>
  clock: Clock
  fetch?: typeof fetch
}): JobHandler {
  const send = deps.fetch ?? fetch
  return {
    kind: WEBHOOK_JOB,
    concurrency: 4,
    async handle(payload) {
      const { deliveryId } = payload as { deliveryId: number }
      const delivery = await deps.db
        .selectFrom('webhookDeliveries')
        .innerJoin('webhooks', 'webhooks.id', 'webhookDeliveries.webhookId')
        .select([
          'webhookDeliveries.id',
          'webhookDeliveries.payload',
          'webhookDeliveries.attempts',
          'webhookDeliveries.event',
          'webhooks.url',
          'webhooks.secret',
        ])
        .where('webhookDeliveries.id', '=', deliveryId)
        .executeTakeFirst()
      if (!delivery) return
      const attempts = delivery.attempts + 1
      const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000))
      let responseStatus: number | null = null
      let failure: string | null = null
      try {
        const response = await send(delivery.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Masthead-Webhooks',
            'x-masthead-event': delivery.event,
            'x-masthead-delivery': String(delivery.id),
            'x-masthead-timestamp': timestamp,
            'x-masthead-signature': signWebhookBody(delivery.secret, timestamp, delivery.payload),
          },
          body: delivery.payload,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        })
        responseStatus = response.status
        if (!response.ok) failure = `the receiver answered ${response.status}`
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error)
      }
      const status =
        failure === null ? 'delivered' : attempts >= WEBHOOK_ATTEMPTS ? 'failed' : 'pending'
      await deps.db
        .updateTable('webhookDeliveries')
        .set({
          attempts,
          status,
          responseStatus,
          lastError: failure,
          updatedAt: deps.clock.now().toISOString(),
        })
        .where('id', '=', delivery.id)
        .execute()
      if (failure !== null) throw new Error(failure)
    },
  }
}
