import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { ResourceRouteDeps } from '../../api/change-recorder.js'
import { AppError } from '../../errors/app-error.js'
import type { ArticleDocument } from '../articles/document/article-document.js'
import { ARTICLE_DOCUMENT_SCHEMA } from '../articles/document/document-schema.js'
import { htmlToDocument } from '../articles/document/html-to-document.js'
import { createPage, findPageById, listAllPages, updatePage } from './page-queries.js'
import { ID_PARAMS, LANGUAGE_CODE, SLUG } from '../../api/common-schemas.js'

const PAGE = z.strictObject({
  language: LANGUAGE_CODE,
  slug: SLUG,
  title: z.string().trim().min(1).max(200),
  body: z.string().max(1_000_000).optional(),
  bodyDoc: ARTICLE_DOCUMENT_SCHEMA.optional(),
  status: z.enum(['draft', 'published']),
  translationGroup: z.string().max(100).nullable().optional(),
  isInFooter: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
})

function documentOf(input: {
  body?: string
  bodyDoc?: ArticleDocument
}): ArticleDocument | undefined {
  return (
    input.bodyDoc ?? (input.body === undefined ? undefined : htmlToDocument(input.body).document)
  )
}

export function pageRoutes({ db, clock, recordChange }: ResourceRouteDeps) {
  const byId = async (id: number) => {
    const page = await findPageById(db, id)
    if (!page) throw new AppError('NOT_FOUND', `There is no page ${id}`)
    return page
  }
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/pages',
      access: { permission: 'pages.read' },
      tag: 'pages',
      summary: 'Static pages of every edition, drafts included',
      handle: async () => ({ items: await listAllPages(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/pages',
      access: { permission: 'pages.write' },
      tag: 'pages',
      summary: 'Create a page (About, Contact, standards…)',
      body: PAGE,
      successStatus: 201,
      handle: async ({ body, request }) => {
        const { body: html, bodyDoc, ...fields } = body
        const id = await createPage(
          db,
          {
            ...fields,
            bodyDoc: documentOf({ body: html, bodyDoc }) ?? { type: 'doc', content: [] },
          },
          clock.now(),
        )
        await recordChange(request, { entity: 'page', action: 'created', id })
        return byId(id)
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/pages/:id',
      access: { permission: 'pages.write' },
      tag: 'pages',
      summary: 'Change a page',
      params: ID_PARAMS,
      body: PAGE.omit({ language: true }).partial(),
      handle: async ({ params, body, request }) => {
        const before = await byId(params.id)
        const { body: html, bodyDoc, ...fields } = body
        const document = documentOf({ body: html, bodyDoc })
        await updatePage(
          db,
          params.id,
          { ...fields, ...(document ? { bodyDoc: document } : {}) },
          clock.now(),
        )
        const after = await byId(params.id)
        const action =
          before.status !== after.status
            ? after.status === 'published'
              ? 'published'
              : 'unpublished'
            : 'updated'
        await recordChange(request, { entity: 'page', action, id: params.id })
        return after
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/pages/:id',
      access: { permission: 'pages.write' },
      tag: 'pages',
      summary: 'Delete a page',
      params: ID_PARAMS,
      handle: async ({ params, request }) => {
        await byId(params.id)
        await db.deleteFrom('pages').where('id', '=', params.id).execute()
        await recordChange(request, { entity: 'page', action: 'deleted', id: params.id })
      },
    }),
  ]
}
