import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { ResourceRouteDeps } from '../../api/change-recorder.js'
import { AppError } from '../../errors/app-error.js'
import { actingUserId } from '../access/actor.js'
import { ID_PARAMS } from '../../api/common-schemas.js'
import { CONTENT_ACTIONS, CONTENT_ENTITIES } from '../../platform/events.js'

const EVENT_NAMES = [
  '*',
  ...CONTENT_ENTITIES.flatMap((entity) => CONTENT_ACTIONS.map((action) => `${entity}.${action}`)),
]

function toWebhook(row: {
  id: number
  url: string
  events: string
  isActive: number
  createdAt: string
}) {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    isActive: row.isActive === 1,
    createdAt: row.createdAt,
  }
}

export function webhookRoutes({ db, clock, recordChange }: ResourceRouteDeps) {
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
      handle: async () => ({
        items: (
          await db
            .selectFrom('webhooks')
            .select(['id', 'url', 'events', 'isActive', 'createdAt'])
            .orderBy('id')
            .execute()
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
      handle: async ({ body, request }) => {
        const secret = randomBytes(32).toString('hex')
        const row = await db
          .insertInto('webhooks')
          .values({
            url: body.url,
            events: JSON.stringify(body.events),
            secret,
            isActive: 1,
            createdBy: actingUserId(request.actor ?? { kind: 'system' }),
            createdAt: clock.now().toISOString(),
          })
          .returning(['id', 'url', 'events', 'isActive', 'createdAt'])
          .executeTakeFirstOrThrow()
        await recordChange(request, {
          entity: 'webhook',
          action: 'created',
          id: row.id,
          details: { url: body.url },
        })
        return { ...toWebhook(row), secret }
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/webhooks/:id',
      access: { permission: 'webhooks.manage' },
      tag: 'webhooks',
      summary: 'Remove a webhook and its delivery log',
      params: ID_PARAMS,
      handle: async ({ params, request }) => {
        await assertExists(params.id)
        await db.deleteFrom('webhooks').where('id', '=', params.id).execute()
        await recordChange(request, { entity: 'webhook', action: 'deleted', id: params.id })
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/webhooks/:id/deliveries',
      access: { permission: 'webhooks.manage' },
      tag: 'webhooks',
      summary: 'The newest deliveries of a webhook: status, attempts, last answer',
      params: ID_PARAMS,
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
