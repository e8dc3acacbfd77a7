import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { ResourceRouteDeps } from '../../api/change-recorder.js'
import { AppError } from '../../errors/app-error.js'
import { createSource, findSourcesByIds, listSources } from './source-queries.js'
import { ID_PARAMS, LANGUAGE_CODE, SLUG } from '../../api/common-schemas.js'

const SOURCE = z.strictObject({
  slug: SLUG,
  name: z.record(LANGUAGE_CODE, z.string().trim().min(1).max(200)),
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
})

export function sourceRoutes({ db, clock, recordChange }: ResourceRouteDeps) {
  const byId = async (id: number) => {
    const source = (await findSourcesByIds(db, [id])).get(id)
    if (!source) throw new AppError('NOT_FOUND', `There is no source ${id}`)
    return source
  }
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/sources',
      access: { permission: 'taxonomy.read' },
      tag: 'sources',
      summary: 'News agencies and other sources',
      handle: async () => ({ items: await listSources(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/sources',
      access: { permission: 'taxonomy.write' },
      tag: 'sources',
      summary: 'Add a source',
      body: SOURCE,
      successStatus: 201,
      handle: async ({ body, request }) => {
        const id = await createSource(db, body, clock.now())
        await recordChange(request, { entity: 'source', action: 'created', id })
        return byId(id)
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/sources/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'sources',
      summary: 'Change a source',
      params: ID_PARAMS,
      body: SOURCE.partial(),
      handle: async ({ params, body, request }) => {
        await byId(params.id)
        const { name, ...plain } = body
        await db
          .updateTable('sources')
          .set({ ...plain, ...(name ? { name: JSON.stringify(name) } : {}) })
          .where('id', '=', params.id)
          .execute()
        await recordChange(request, { entity: 'source', action: 'updated', id: params.id })
        return byId(params.id)
      },
    }),
  ]
}
