import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { ResourceRouteDeps } from '../../api/change-recorder.js'
import { AppError } from '../../errors/app-error.js'
import { createAuthor, findAuthorBySlug, listAuthors } from './author-queries.js'
import { ID_PARAMS, LANGUAGE_CODE, SLUG } from '../../api/common-schemas.js'

const localized = z.record(LANGUAGE_CODE, z.string().max(2000))
const AUTHOR = z.strictObject({
  slug: SLUG,
  name: localized,
  bio: localized.optional(),
  userId: z.number().int().positive().nullable().optional(),
  avatarMediaId: z.number().int().positive().nullable().optional(),
  links: z.record(z.string().max(30), z.url({ protocol: /^https?$/ })).optional(),
})

export function authorRoutes({ db, clock, recordChange }: ResourceRouteDeps) {
  const byId = async (id: number) => {
    const author = (await listAuthors(db)).find((candidate) => candidate.id === id)
    if (!author) throw new AppError('NOT_FOUND', `There is no author ${id}`)
    return author
  }
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/authors',
      access: { permission: 'taxonomy.read' },
      tag: 'authors',
      summary: 'Byline profiles',
      handle: async () => ({ items: await listAuthors(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/authors',
      access: { permission: 'taxonomy.write' },
      tag: 'authors',
      summary: 'Create a byline profile',
      body: AUTHOR,
      successStatus: 201,
      handle: async ({ body, request }) => {
        const id = await createAuthor(db, body, clock.now())
        await recordChange(request, { entity: 'author', action: 'created', id })
        return findAuthorBySlug(db, body.slug)
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/authors/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'authors',
      summary: 'Change a byline profile',
      params: ID_PARAMS,
      body: AUTHOR.partial(),
      handle: async ({ params, body, request }) => {
        await byId(params.id)
        const { name, bio, links, ...plain } = body
        await db
          .updateTable('authors')
          .set({
            ...plain,
            ...(name ? { name: JSON.stringify(name) } : {}),
            ...(bio ? { bio: JSON.stringify(bio) } : {}),
            ...(links ? { links: JSON.stringify(links) } : {}),
            updatedAt: clock.now().toISOString(),
          })
          .where('id', '=', params.id)
          .execute()
        await recordChange(request, { entity: 'author', action: 'updated', id: params.id })
        return byId(params.id)
      },
    }),
  ]
}
