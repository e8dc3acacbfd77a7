import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { ResourceRouteDeps } from '../../api/change-recorder.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import {
  arrangeSections,
  arrangementProblem,
  createSection,
  listSections,
} from './section-queries.js'
import { ID_PARAMS, LANGUAGE_CODE, SLUG } from '../../api/common-schemas.js'

const slug = SLUG
const translations = z.record(
  LANGUAGE_CODE,
  z.strictObject({
    name: z.string().trim().min(1).max(100),
    slug,
    description: z.string().max(500).nullable().optional(),
  }),
)
const SECTION = z.strictObject({
  parentId: z.number().int().positive().nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  translations,
})

export function sectionRoutes({ db, clock, recordChange }: ResourceRouteDeps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/sections',
      access: { permission: 'taxonomy.read' },
      tag: 'sections',
      summary: 'Every section with its names and slugs per language',
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
      handle: async ({ body, request }) => {
        const id = await createSection(db, body, clock.now())
        await recordChange(request, { entity: 'section', action: 'created', id })
        return (await listSections(db)).find((section) => section.id === id)
      },
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
              id: z.number().int().positive(),
              parentId: z.number().int().positive().nullable(),
            }),
          )
          .max(1000),
      }),
      handle: async ({ body, request }) => {
        const existing = await listSections(db)
        const problem = arrangementProblem(
          existing.map((section) => section.id),
          body.items,
        )
        if (problem)
          throw new AppError('VALIDATION_FAILED', problem.message, { property: problem.property })
        const changed = await arrangeSections(db, body.items, clock.now())
        for (const id of changed)
          await recordChange(request, { entity: 'section', action: 'updated', id })
        return { items: await listSections(db) }
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/sections/:id',
      access: { permission: 'taxonomy.write' },
      tag: 'sections',
      summary: 'Rename, move or reorder a section (translations given replace those languages)',
      params: ID_PARAMS,
      body: SECTION.partial(),
      handle: async ({ params, body, request }) => {
        const sections = await listSections(db)
        if (!sections.some((section) => section.id === params.id)) {
          throw new AppError('NOT_FOUND', `There is no section ${params.id}`)
        }
        if (body.parentId === params.id) {
          throw new AppError('VALIDATION_FAILED', 'A section cannot be its own parent', {
            property: 'parentId',
          })
        }
        await withTransaction(db, async (trx) => {
          await trx
            .updateTable('sections')
            .set({
              ...(body.parentId !== undefined ? { parentId: body.parentId } : {}),
              ...(body.position !== undefined ? { position: body.position } : {}),
              updatedAt: clock.now().toISOString(),
            })
            .where('id', '=', params.id)
            .execute()
          for (const [language, text] of Object.entries(body.translations ?? {})) {
            const values = {
              name: text.name,
              slug: text.slug,
              description: text.description ?? null,
            }
            await trx
              .insertInto('sectionTranslations')
              .values({ sectionId: params.id, language, ...values })
              .onConflict((conflict) =>
                conflict.columns(['sectionId', 'language']).doUpdateSet(values),
              )
              .execute()
          }
        })
        await recordChange(request, { entity: 'section', action: 'updated', id: params.id })
        return (await listSections(db)).find((section) => section.id === params.id)
      },
    }),
  ]
}
