import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/database.js'
import { contextOf } from '../../http/change-context.js'
import { defineRoute } from '../../http/api-route.js'
import { ID_PARAMS, ID_TEXT } from '../../http/common-schemas.js'
import { ARTICLE_DOCUMENT_SCHEMA } from '../articles/document/document-schema.js'
import { documentOfBody } from '../articles/document/html-to-document.js'
import type { LiveEntry } from './live-entry.js'
import { findEntryBylines, type EntryByline } from './live-entry-bylines.js'
import { LIVE_ENTRY_LIST, LIVE_ENTRY_VIEW } from './live-entry-responses.js'
import type { LiveEntryService } from './live-entry-service.js'

/** The longest entry title; a headline-sized line. */
export const ENTRY_TITLE_LENGTH = 300
const ENTRY_BODY_LIMIT = 1024 * 1024

const ENTRY_FIELDS = z.strictObject({
  title: z.string().trim().max(ENTRY_TITLE_LENGTH).nullable().optional(),
  /** The body as HTML; sanitised against the article allowlist on the way in. */
  body: z.string().max(500_000).optional(),
  bodyDoc: ARTICLE_DOCUMENT_SCHEMA.optional(),
  isKeyEvent: z.boolean().optional(),
  isPinned: z.boolean().optional(),
})

const ENTRY_PARAMS = ID_PARAMS.extend({ entryId: ID_TEXT })

/** An entry as the Admin API answers it. */
export type LiveEntryView = z.infer<typeof LIVE_ENTRY_VIEW>

function viewOf(entry: LiveEntry, bylines: Map<number, EntryByline>): LiveEntryView {
  const byline = entry.authorUserId === null ? undefined : bylines.get(entry.authorUserId)
  const { authorUserId, ...fields } = entry
  return {
    ...fields,
    author:
      byline && authorUserId !== null ? { userId: authorUserId, name: byline.userName } : null,
  }
}

/** The entry's fields with the body as a document: the one given, or the HTML converted. */
function entryInput(body: z.infer<typeof ENTRY_FIELDS>) {
  const { body: html, bodyDoc, title, ...flags } = body
  return {
    ...flags,
    title: title === '' ? null : title,
    bodyDoc: documentOfBody({ body: html, bodyDoc }),
  }
}

/** The Admin API's routes for the entries of a live story. */
export function liveEntryRoutes(deps: { db: Kysely<Database>; entries: LiveEntryService }) {
  const { db, entries } = deps
  const view = async (entry: LiveEntry) => viewOf(entry, await findEntryBylines(db, [entry]))
  const tag = 'live coverage'
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/articles/:id/entries',
      access: { permission: 'articles.read' },
      tag,
      summary:
        'The entries of a live story, newest first, 50 a page; with changedSince, the entries posted or edited since and the ids deleted',
      params: ID_PARAMS,
      response: LIVE_ENTRY_LIST,
      query: z.strictObject({
        page: z.coerce.number().int().min(1).max(100_000).optional(),
        /** A `nextChangedSince` of an earlier answer (any instant works). */
        changedSince: z.iso
          .datetime({ offset: true })
          .transform((instant) => new Date(instant).toISOString())
          .optional(),
      }),
      handle: async ({ params, query, request }) => {
        const answer =
          query.changedSince === undefined
            ? await entries.list(contextOf(request), params.id, query.page ?? 1)
            : await entries.changes(contextOf(request), params.id, query.changedSince)
        const bylines = await findEntryBylines(db, answer.items)
        return { ...answer, items: answer.items.map((entry) => viewOf(entry, bylines)) }
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles/:id/entries',
      access: { permission: 'articles.write' },
      tag,
      summary:
        'Post an entry to a live story (body as HTML or as a document); isPinned unpins the pinned one',
      params: ID_PARAMS,
      body: ENTRY_FIELDS,
      bodyLimit: ENTRY_BODY_LIMIT,
      successStatus: 201,
      response: LIVE_ENTRY_VIEW,
      handle: async ({ params, body, request }) =>
        view(await entries.post(contextOf(request), params.id, entryInput(body))),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/articles/:id/entries/:entryId',
      access: { permission: 'articles.write' },
      tag,
      summary: 'Edit an entry (it is shown as updated); isPinned unpins the pinned one',
      params: ENTRY_PARAMS,
      body: ENTRY_FIELDS,
      bodyLimit: ENTRY_BODY_LIMIT,
      response: LIVE_ENTRY_VIEW,
      handle: async ({ params, body, request }) =>
        view(await entries.edit(contextOf(request), params.id, params.entryId, entryInput(body))),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/articles/:id/entries/:entryId',
      access: { permission: 'articles.write' },
      tag,
      summary: 'Delete an entry (audited; open reader pages remove it)',
      params: ENTRY_PARAMS,
      handle: ({ params, request }) =>
        entries.remove(contextOf(request), params.id, params.entryId),
    }),
  ]
}
