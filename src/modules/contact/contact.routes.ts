import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import { pageOf } from '../../http/response-schemas.js'
import { CONTACT_MESSAGE } from './contact-responses.js'
import type { Database } from '../../db/database.js'
import { contextOf } from '../../http/change-context.js'
import { listContactMessages } from './contact-queries.js'
import type { ContactService } from './contact-service.js'
import { ID_PARAMS } from '../../http/common-schemas.js'

/** The Admin API's contact inbox routes, over the contact service. */
export function contactRoutes({ db, contact }: { db: Kysely<Database>; contact: ContactService }) {
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
      response: pageOf(CONTACT_MESSAGE),
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
      handle: ({ params, request }) => contact.markRead(contextOf(request), params.id),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/contact-messages/:id',
      access: { permission: 'contact.manage' },
      tag: 'contact',
      summary: 'Delete a message',
      params: ID_PARAMS,
      handle: ({ params, request }) => contact.remove(contextOf(request), params.id),
    }),
  ]
}
