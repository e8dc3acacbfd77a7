import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { ResourceRouteDeps } from '../../api/change-recorder.js'
import { AppError } from '../../errors/app-error.js'
import { slugify } from '../../platform/slugify.js'
import { findOrCreateTags, listTagsWithCounts } from './tag-queries.js'
import { ID_PARAMS, LANGUAGE_CODE } from '../../api/common-schemas.js'

export function tagRoutes({ db, clock, recordChange }: ResourceRouteDeps) {
  const findTag = async (id: number) => {
    const tag = await db
      .selectFrom('tags')
      .select(['id', 'language', 'name', 'slug', 'description'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!tag) throw new AppError('NOT_FOUND', `There is no tag ${id}`)
    return tag
  }
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
      handle: async ({ query }) => {
        const tags = await listTagsWithCounts(db, query.language)
        const prefix = query.q?.trim().toLowerCase()
        return {
          items: prefix
            ? tags
                .filter(
                  (tag) =>
                    tag.name.toLowerCase().startsWith(prefix) ||
                    tag.slug.startsWith(slugify(prefix)),
                )
                .slice(0, 20)
            : tags,
        }
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/tags',
      access: { permission: 'articles.write' },
      tag: 'tags',
      summary: 'Create a tag (or find the one with the same slug)',
      body: z.strictObject({
        language: LANGUAGE_CODE,
        name: z.string().trim().min(1).max(100),
      }),
      successStatus: 201,
      handle: async ({ body, request }) => {
        const [tag] = await findOrCreateTags(
          db,
          { language: body.language, names: [body.name] },
          clock.now(),
        )
        if (!tag)
          throw new AppError('VALIDATION_FAILED', 'The name has no letters or digits', {
            property: 'name',
          })
        await recordChange(request, { entity: 'tag', action: 'created', id: tag.id })
        return tag
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/tags/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'tags',
      summary: 'Rename a tag or describe it',
      params: ID_PARAMS,
      body: z.strictObject({
        name: z.string().trim().min(1).max(100).optional(),
        slug: z.string().trim().min(1).max(100).optional(),
        description: z.string().max(500).nullable().optional(),
      }),
      handle: async ({ params, body, request }) => {
        await findTag(params.id)
        await db.updateTable('tags').set(body).where('id', '=', params.id).execute()
        await recordChange(request, { entity: 'tag', action: 'updated', id: params.id })
        return findTag(params.id)
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/tags/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'tags',
      summary: 'Delete a tag (articles lose it)',
      params: ID_PARAMS,
      handle: async ({ params, request }) => {
        await findTag(params.id)
        await db.deleteFrom('tags').where('id', '=', params.id).execute()
        await recordChange(request, { entity: 'tag', action: 'deleted', id: params.id })
      },
    }),
  ]
}
