import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import type { Database } from '../../db/database.js'
import { contextOf } from '../../http/change-context.js'
import { AUTHOR_TEXT_LENGTH, listAuthors } from './author-queries.js'
import type { AuthorService } from './author-service.js'
import { ID, ID_PARAMS, LANGUAGE_CODE, SLUG } from '../../http/common-schemas.js'
import { listOf, TEXT_BY_LANGUAGE } from '../../http/response-schemas.js'

const localized = z.record(LANGUAGE_CODE, z.string().max(AUTHOR_TEXT_LENGTH))
const AUTHOR = z.strictObject({
  slug: SLUG,
  name: localized,
  bio: localized.optional(),
  userId: ID.nullable().optional(),
  avatarMediaId: ID.nullable().optional(),
  links: z.record(z.string().max(30), z.url({ protocol: /^https?$/ })).optional(),
})

const AUTHOR_VIEW = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: TEXT_BY_LANGUAGE,
    bio: TEXT_BY_LANGUAGE,
    userId: z.number().int().nullable(),
    avatarMediaId: z.number().int().nullable(),
    links: z.record(z.string(), z.string()),
  })
  .meta({ id: 'Author', description: 'A byline profile' })

/** The Admin API of authors: reads from the store, writes through the author service. */
export function authorRoutes({ db, authors }: { db: Kysely<Database>; authors: AuthorService }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/authors',
      access: { permission: 'taxonomy.read' },
      tag: 'authors',
      summary: 'Byline profiles',
      response: listOf(AUTHOR_VIEW),
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
      response: AUTHOR_VIEW,
      handle: ({ body, request }) => authors.create(contextOf(request), body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/authors/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'authors',
      summary: 'Change a byline profile',
      params: ID_PARAMS,
      body: AUTHOR.partial(),
      response: AUTHOR_VIEW,
      handle: ({ params, body, request }) => authors.update(contextOf(request), params.id, body),
    }),
  ]
}
