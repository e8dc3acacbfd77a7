import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { ResourceRouteDeps } from '../../api/change-recorder.js'
import { AppError } from '../../errors/app-error.js'
import { listContactMessages, markContactMessageRead } from './contact-queries.js'
import { ID_PARAMS } from '../../api/common-schemas.js'

export function contactRoutes({ db, clock, recordChange }: ResourceRouteDeps) {
  const assertExists = async (id: number) => {
    const row = await db
      .selectFrom('contactMessages')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `There is no message ${id}`)
  }
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/contact-messages',
      access: { permission: 'contact.manage' },
      tag: 'contact',
      summary: 'The contact inbox, newest first',
      query: z.strictObject({
        unread: z.enum(['true', 'false']).optional(),
        page: z.coerce.number().int().min(1).optional(),
        pageSize: z.coerce.number().int().min(1).max(100).optional(),
      }),
      handle: ({ query }) =>
        listContactMessages(db, {
          isUnreadOnly: query.unread === 'true',
          page: query.page,
          pageSize: query.pageSize,
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/contact-messages/:id/read',
      access: { permission: 'contact.manage' },
      tag: 'contact',
      summary: 'Mark a message read',
      params: ID_PARAMS,
      handle: async ({ params, request }) => {
        await assertExists(params.id)
        await markContactMessageRead(db, params.id, clock.now())
        await recordChange(request, { entity: 'contact_message', action: 'updated', id: params.id })
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/contact-messages/:id',
      access: { permission: 'contact.manage' },
      tag: 'contact',
      summary: 'Delete a message',
      params: ID_PARAMS,
      handle: async ({ params, request }) => {
        await assertExists(params.id)
        await db.deleteFrom('contactMessages').where('id', '=', params.id).execute()
        await recordChange(request, { entity: 'contact_message', action: 'deleted', id: params.id })
      },
    }),
  ]
}
