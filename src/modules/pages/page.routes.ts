import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import type { Database } from '../../db/database.js'
import type { ArticleDocument } from '../articles/document/article-document.js'
import { ARTICLE_DOCUMENT_SCHEMA } from '../articles/document/document-schema.js'
import { htmlToDocument } from '../articles/document/html-to-document.js'
import { contextOf } from '../../http/change-context.js'
import { listAllPages, PAGE_TITLE_LENGTH } from './page-queries.js'
import type { PageService } from './page-service.js'
import { ID_PARAMS, LANGUAGE_CODE, SLUG } from '../../http/common-schemas.js'
import { INSTANT, listOf } from '../../http/response-schemas.js'

const PAGE = z.strictObject({
  language: LANGUAGE_CODE,
  slug: SLUG,
  title: z.string().trim().min(1).max(PAGE_TITLE_LENGTH),
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

const PAGE_VIEW = z
  .object({
    id: z.number().int(),
    language: z.string(),
    slug: z.string(),
    title: z.string(),
    bodyDoc: ARTICLE_DOCUMENT_SCHEMA,
    bodyHtml: z.string(),
    status: z.enum(['draft', 'published']),
    translationGroup: z.string().nullable(),
    isInFooter: z.boolean(),
    position: z.number().int(),
    updatedAt: INSTANT,
    publishedAt: INSTANT.nullable(),
  })
  .meta({ id: 'StaticPage', description: 'A page of the site: About, Contact, standards…' })

/** The Admin API's page routes, over the page service. */
export function pageRoutes({ db, pages }: { db: Kysely<Database>; pages: PageService }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/pages',
      access: { permission: 'pages.read' },
      tag: 'pages',
      summary: 'Static pages of every edition, drafts included',
      response: listOf(PAGE_VIEW),
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
      response: PAGE_VIEW,
      handle: ({ body, request }) => {
        const { body: html, bodyDoc, ...fields } = body
        return pages.create(contextOf(request), {
          ...fields,
          bodyDoc: documentOf({ body: html, bodyDoc }) ?? { type: 'doc', content: [] },
        })
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
      response: PAGE_VIEW,
      handle: ({ params, body, request }) => {
        const { body: html, bodyDoc, ...fields } = body
        const document = documentOf({ body: html, bodyDoc })
        return pages.update(contextOf(request), params.id, {
          ...fields,
          ...(document ? { bodyDoc: document } : {}),
        })
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/pages/:id',
      access: { permission: 'pages.write' },
      tag: 'pages',
      summary: 'Delete a page',
      params: ID_PARAMS,
      handle: ({ params, request }) => pages.remove(contextOf(request), params.id),
    }),
  ]
}
