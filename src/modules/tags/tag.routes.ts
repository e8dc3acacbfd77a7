import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import type { Database } from '../../db/database.js'
import { slugify } from '../../platform/slugify.js'
import { contextOf } from '../../http/change-context.js'
import { listTagsWithCounts, TAG_NAME_LENGTH } from './tag-queries.js'
import type { TagService } from './tag-service.js'
import { ID, ID_PARAMS, LANGUAGE_CODE } from '../../http/common-schemas.js'
import { listOf } from '../../http/response-schemas.js'

const TAG_VIEW = z
  .object({ id: z.number().int(), language: z.string(), name: z.string(), slug: z.string() })
  .meta({ id: 'Tag' })

const TAG_DETAILS = TAG_VIEW.extend({ description: z.string().nullable() }).meta({
  id: 'TagDetails',
  description: 'A tag with its description',
})

/** The Admin API of tags: reads from the store, writes through the tag service. */
export function tagRoutes({ db, tags }: { db: Kysely<Database>; tags: TagService }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/tags',
      access: { permission: 'taxonomy.read' },
      tag: 'tags',
      summary: 'Tags of an edition with their article counts; q narrows by prefix (autocomplete)',
      query: z.strictObject({
        language: LANGUAGE_CODE,
        q: z.string().max(100).optional(),
      }),
      response: listOf(TAG_VIEW.extend({ articleCount: z.number().int() })),
      handle: async ({ query }) => {
        const listed = await listTagsWithCounts(db, query.language)
        const prefix = query.q?.trim().toLowerCase()
        return {
          items: prefix
            ? listed
                .filter(
                  (tag) =>
                    tag.name.toLowerCase().startsWith(prefix) ||
                    tag.slug.startsWith(slugify(prefix)),
                )
                .slice(0, 20)
            : listed,
        }
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/tags',
      access: { permission: 'tags.create' },
      tag: 'tags',
      summary: 'Create a tag (or find the one with the same slug)',
      body: z.strictObject({
        language: LANGUAGE_CODE,
        name: z.string().trim().min(1).max(TAG_NAME_LENGTH),
      }),
      successStatus: 201,
      response: TAG_VIEW,
      handle: ({ body, request }) => tags.create(contextOf(request), body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/tags/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'tags',
      summary: 'Rename a tag or describe it',
      params: ID_PARAMS,
      body: z.strictObject({
        name: z.string().trim().min(1).max(TAG_NAME_LENGTH).optional(),
        slug: z.string().trim().min(1).max(100).optional(),
        description: z.string().max(500).nullable().optional(),
      }),
      response: TAG_DETAILS,
      handle: ({ params, body, request }) => tags.update(contextOf(request), params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/tags/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'tags',
      summary: 'Delete a tag (articles lose it)',
      params: ID_PARAMS,
      handle: ({ params, request }) => tags.remove(contextOf(request), params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/tags/:id/merge',
      access: { permission: 'taxonomy.write' },
      tag: 'tags',
      summary:
        'Merge a tag into another of its edition: its articles move, it is deleted and its page answers 301 to the kept tag',
      params: ID_PARAMS,
      body: z.strictObject({ into: ID }),
      response: TAG_DETAILS,
      handle: ({ params, body, request }) =>
        tags.merge(contextOf(request), { id: params.id, into: body.into }),
    }),
  ]
}
