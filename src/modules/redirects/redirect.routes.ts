import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import { ID_PARAMS } from '../../http/common-schemas.js'
import type { Database } from '../../db/database.js'
import { contextOf } from '../../http/change-context.js'
import type { RedirectService } from './redirect-service.js'
import { INSTANT } from '../../http/response-schemas.js'

const path = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .regex(/^\/(?!\/)/, 'a path on this site, starting with /')

const REDIRECT_VIEW = z
  .object({
    id: z.number().int(),
    fromPath: z.string(),
    toPath: z.string(),
    statusCode: z.number().int(),
    createdAt: INSTANT,
  })
  .meta({ id: 'Redirect' })

/** The Admin API's redirect routes, over the redirect service. */
export function redirectRoutes({
  db,
  redirects,
}: {
  db: Kysely<Database>
  redirects: RedirectService
}) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/redirects',
      access: { permission: 'redirects.manage' },
      tag: 'redirects',
      summary: 'Redirects from old paths, newest first',
      query: z.strictObject({ page: z.coerce.number().int().min(1).optional() }),
      response: z.object({ items: z.array(REDIRECT_VIEW), page: z.number().int() }),
      handle: async ({ query }) => {
        const page = query.page ?? 1
        const items = await db
          .selectFrom('redirects')
          .selectAll()
          .orderBy('id', 'desc')
          .limit(100)
          .offset((page - 1) * 100)
          .execute()
        return { items, page }
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/redirects',
      access: { permission: 'redirects.manage' },
      tag: 'redirects',
      summary: 'Add or repoint a redirect',
      body: z.strictObject({
        fromPath: path,
        toPath: z.union([path, z.url({ protocol: /^https?$/ })]),
        statusCode: z
          .union([z.literal(301), z.literal(302), z.literal(307), z.literal(308)])
          .optional(),
      }),
      successStatus: 201,
      response: REDIRECT_VIEW,
      handle: ({ body, request }) =>
        redirects.save(contextOf(request), { ...body, statusCode: body.statusCode ?? 301 }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/redirects/:id',
      access: { permission: 'redirects.manage' },
      tag: 'redirects',
      summary: 'Remove a redirect',
      params: ID_PARAMS,
      handle: ({ params, request }) => redirects.remove(contextOf(request), params.id),
    }),
  ]
}
