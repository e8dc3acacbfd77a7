import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import type { Database } from '../../db/database.js'
import { contextOf } from '../../http/change-context.js'
import { listSections, SECTION_NAME_LENGTH } from './section-queries.js'
import type { SectionService } from './section-service.js'
import { ID, ID_PARAMS, LANGUAGE_CODE, SLUG } from '../../http/common-schemas.js'
import { listOf } from '../../http/response-schemas.js'

const slug = SLUG
const translations = z.record(
  LANGUAGE_CODE,
  z.strictObject({
    name: z.string().trim().min(1).max(SECTION_NAME_LENGTH),
    slug,
    description: z.string().max(500).nullable().optional(),
  }),
)
const SECTION = z.strictObject({
  parentId: ID.nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  translations,
})

const SECTION_VIEW = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    position: z.number().int(),
    translations: z.record(
      z.string(),
      z.object({ name: z.string(), slug: z.string(), description: z.string().nullable() }),
    ),
  })
  .meta({ id: 'Section', description: 'A section with its name, slug and description by language' })

/** The Admin API of sections: reads from the store, writes through the section service. */
export function sectionRoutes({
  db,
  sections,
}: {
  db: Kysely<Database>
  sections: SectionService
}) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/sections',
      access: { permission: 'taxonomy.read' },
      tag: 'sections',
      summary: 'Every section with its names and slugs per language',
      response: listOf(SECTION_VIEW),
      handle: async () => ({ items: await listSections(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/sections',
      access: { permission: 'taxonomy.write' },
      tag: 'sections',
      summary: 'Create a section',
      body: SECTION,
      successStatus: 201,
      response: SECTION_VIEW,
      handle: ({ body, request }) => sections.create(contextOf(request), body),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/admin/sections/order',
      access: { permission: 'taxonomy.write' },
      tag: 'sections',
      summary:
        'Arrange the whole tree at once: every section with its parent, siblings in the order listed',
      body: z.strictObject({
        items: z
          .array(
            z.strictObject({
              id: ID,
              parentId: ID.nullable(),
            }),
          )
          .max(1000),
      }),
      response: listOf(SECTION_VIEW),
      handle: async ({ body, request }) => ({
        items: await sections.arrange(contextOf(request), body.items),
      }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/sections/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'sections',
      summary: 'Rename, move or reorder a section (translations given replace those languages)',
      params: ID_PARAMS,
      body: SECTION.partial(),
      response: SECTION_VIEW,
      handle: ({ params, body, request }) => sections.update(contextOf(request), params.id, body),
    }),
  ]
}
