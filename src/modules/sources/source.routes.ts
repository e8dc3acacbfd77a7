import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import type { Database } from '../../db/database.js'
import { contextOf } from '../../http/change-context.js'
import { listSources } from './source-queries.js'
import type { SourceService } from './source-service.js'
import { ID_PARAMS, LANGUAGE_CODE, SLUG } from '../../http/common-schemas.js'
import { listOf } from '../../http/response-schemas.js'
import { SOURCE_VIEW } from './source-responses.js'

const SOURCE = z.strictObject({
  slug: SLUG,
  name: z.record(LANGUAGE_CODE, z.string().trim().min(1).max(200)),
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
})

/** The Admin API of sources: reads from the store, writes through the source service. */
export function sourceRoutes({ db, sources }: { db: Kysely<Database>; sources: SourceService }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/sources',
      access: { permission: 'taxonomy.read' },
      tag: 'sources',
      summary: 'News agencies and other sources',
      response: listOf(SOURCE_VIEW),
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
      response: SOURCE_VIEW,
      handle: ({ body, request }) => sources.create(contextOf(request), body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/sources/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'sources',
      summary: 'Change a source',
      params: ID_PARAMS,
      body: SOURCE.partial(),
      response: SOURCE_VIEW,
      handle: ({ params, body, request }) => sources.update(contextOf(request), params.id, body),
    }),
  ]
}
