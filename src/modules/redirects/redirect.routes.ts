import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { ResourceRouteDeps } from '../../api/change-recorder.js'
import { AppError } from '../../errors/app-error.js'
import { saveRedirect } from './redirect-queries.js'

const path = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .regex(/^\/(?!\/)/, 'a path on this site, starting with /')

export function redirectRoutes({ db, clock, recordChange }: ResourceRouteDeps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/redirects',
      access: { permission: 'redirects.manage' },
      tag: 'redirects',
      summary: 'Redirects from old paths, newest first',
      query: z.strictObject({ page: z.coerce.number().int().min(1).optional() }),
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
      handle: async ({ body, request }) => {
        if (body.fromPath === body.toPath) {
          throw new AppError('VALIDATION_FAILED', 'A redirect cannot point to itself', {
            property: 'toPath',
          })
        }
        await saveRedirect(db, { ...body, statusCode: body.statusCode ?? 301 }, clock.now())
        const saved = await db
          .selectFrom('redirects')
          .selectAll()
          .where('fromPath', '=', body.fromPath)
          .executeTakeFirstOrThrow()
        await recordChange(request, { entity: 'redirect', action: 'created', id: saved.id })
        return saved
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/redirects/:id',
      access: { permission: 'redirects.manage' },
      tag: 'redirects',
      summary: 'Remove a redirect',
      params: z.strictObject({ id: z.coerce.number().int().positive() }),
      handle: async ({ params, request }) => {
        const result = await db
          .deleteFrom('redirects')
          .where('id', '=', params.id)
          .executeTakeFirst()
        if (Number(result.numDeletedRows) === 0)
          throw new AppError('NOT_FOUND', `There is no redirect ${params.id}`)
        await recordChange(request, { entity: 'redirect', action: 'deleted', id: params.id })
      },
    }),
  ]
}
