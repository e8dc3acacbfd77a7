import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { actingUserId, assertPermission } from '../access/actor.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'

/** A webhook as the newsroom sees it: never with its secret, except once, on creation. */
export interface Webhook {
  id: number
  url: string
  events: string[]
  isActive: boolean
  createdAt: string
}

/** The columns of a webhook row the newsroom may see. */
export const WEBHOOK_COLUMNS = ['id', 'url', 'events', 'isActive', 'createdAt'] as const

/** A stored row as the API shows it. */
export function toWebhook(row: {
  id: number
  url: string
  events: string
  isActive: number
  createdAt: string
}): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    isActive: row.isActive === 1,
    createdAt: row.createdAt,
  }
}

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

/**
 * Registering and removing webhooks. Each change commits with its audit entry; webhooks are not
 * content, so they make no event.
 */
export function createWebhookService({ db, clock, outbox }: Deps) {
  return {
    /** Registers a URL for event names; the signing secret is answered this once. */
    async create(
      context: ChangeContext,
      input: { url: string; events: string[] },
    ): Promise<Webhook & { secret: string }> {
      assertPermission(context.actor, 'webhooks.manage')
      const secret = randomBytes(32).toString('hex')
      const row = await withTransaction(db, async (trx) => {
        const now = clock.now()
        const created = await trx
          .insertInto('webhooks')
          .values({
            url: input.url,
            events: JSON.stringify(input.events),
            secret,
            isActive: 1,
            createdBy: actingUserId(context.actor),
            createdAt: now.toISOString(),
          })
          .returning(WEBHOOK_COLUMNS)
          .executeTakeFirstOrThrow()
        await recordChange(
          trx,
          context,
          {
            action: 'webhook.created',
            entityType: 'webhook',
            entityId: created.id,
            details: { url: input.url },
          },
          now,
        )
        return created
      })
      await deliverAfterCommit(db, outbox)
      return { ...toWebhook(row), secret }
    },

    /** Removes a webhook; its delivery log goes with it. */
    async remove(context: ChangeContext, id: number): Promise<void> {
      assertPermission(context.actor, 'webhooks.manage')
      await withTransaction(db, async (trx) => {
        const result = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst()
        if (Number(result.numDeletedRows) === 0) {
          throw new AppError('NOT_FOUND', `There is no webhook ${id}`)
        }
        await recordChange(
          trx,
          context,
          { action: 'webhook.deleted', entityType: 'webhook', entityId: id },
          clock.now(),
        )
      })
      await deliverAfterCommit(db, outbox)
    },
  }
}

export type WebhookService = ReturnType<typeof createWebhookService>
