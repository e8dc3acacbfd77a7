import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import { contextOf } from '../../http/change-context.js'
import { ID_PARAMS } from '../../http/common-schemas.js'
import { CONTENT_ACTIONS, CONTENT_ENTITIES } from '../../platform/events.js'
import { toWebhook, WEBHOOK_COLUMNS, type WebhookService } from './webhook-service.js'
import { INSTANT, listOf } from '../../http/response-schemas.js'

const EVENT_NAMES = [
  '*',
  ...CONTENT_ENTITIES.flatMap((entity) => CONTENT_ACTIONS.map((action) => `${entity}.${action}`)),
]

const WEBHOOK_VIEW = z
  .object({
    id: z.number().int(),
    url: z.string(),
    events: z.array(z.string()),
    isActive: z.boolean(),
    createdAt: INSTANT,
  })
  .meta({ id: 'Webhook', description: 'A registered webhook, without its secret' })

const WEBHOOK_DELIVERY = z
  .object({
    id: z.number().int(),
    event: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: INSTANT,
    updatedAt: INSTANT,
  })
  .meta({ id: 'WebhookDelivery' })

/** The Admin API's webhook routes, over the webhook service. */
export function webhookRoutes({
  db,
  webhooks,
}: {
  db: Kysely<Database>
  webhooks: WebhookService
}) {
  const assertExists = async (id: number) => {
    const row = await db.selectFrom('webhooks').select('id').where('id', '=', id).executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `There is no webhook ${id}`)
  }
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/webhooks',
      access: { permission: 'webhooks.manage' },
      tag: 'webhooks',
      summary: 'Registered webhooks (without their secrets)',
      response: listOf(WEBHOOK_VIEW),
      handle: async () => ({
        items: (
          await db.selectFrom('webhooks').select(WEBHOOK_COLUMNS).orderBy('id').execute()
        ).map(toWebhook),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/webhooks',
      access: { permission: 'webhooks.manage' },
      tag: 'webhooks',
      summary: 'Register a URL for events; the signing secret is in this answer only',
      body: z.strictObject({
        url: z.url({ protocol: /^https?$/ }).max(2000),
        events: z.array(z.enum(EVENT_NAMES as [string, ...string[]])).min(1),
      }),
      successStatus: 201,
      response: WEBHOOK_VIEW.extend({ secret: z.string().describe('In this answer only') }),
      handle: ({ body, request }) => webhooks.create(contextOf(request), body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/webhooks/:id',
      access: { permission: 'webhooks.manage' },
      tag: 'webhooks',
      summary: 'Remove a webhook and its delivery log',
      params: ID_PARAMS,
      handle: ({ params, request }) => webhooks.remove(contextOf(request), params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/webhooks/:id/deliveries',
      access: { permission: 'webhooks.manage' },
      tag: 'webhooks',
      summary: 'The newest deliveries of a webhook: status, attempts, last answer',
      params: ID_PARAMS,
      response: listOf(WEBHOOK_DELIVERY),
      handle: async ({ params }) => {
        await assertExists(params.id)
        const rows = await db
          .selectFrom('webhookDeliveries')
          .select([
            'id',
            'event',
            'status',
            'attempts',
            'responseStatus',
            'lastError',
            'createdAt',
            'updatedAt',
          ])
          .where('webhookId', '=', params.id)
          .orderBy('id', 'desc')
          .limit(100)
          .execute()
        return { items: rows }
      },
    }),
  ]
}
