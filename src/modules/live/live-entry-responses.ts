import { z } from 'zod'
import { INSTANT } from '../../http/response-schemas.js'
import { ARTICLE_DOCUMENT_SCHEMA } from '../articles/document/document-schema.js'

/** What the Admin API answers about a live story's entries. */

export const LIVE_ENTRY_VIEW = z
  .object({
    id: z.number().int(),
    articleId: z.number().int(),
    title: z.string().nullable(),
    bodyDoc: ARTICLE_DOCUMENT_SCHEMA,
    bodyHtml: z.string().describe('The body as the public page shows it (sanitised)'),
    isKeyEvent: z.boolean(),
    isPinned: z.boolean(),
    createdAt: INSTANT,
    editedAt: INSTANT.nullable().describe('When its words were last edited; null if never'),
    author: z.object({ userId: z.number().int(), name: z.string() }).nullable(),
  })
  .meta({ id: 'LiveEntry', description: 'One update of a live story' })

const NEXT_CHANGED_SINCE = INSTANT.describe('The changedSince to ask with next time')

/** A page of entries, or with `changedSince` what changed since. */
export const LIVE_ENTRY_LIST = z
  .union([
    z.object({
      items: z.array(LIVE_ENTRY_VIEW),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      nextChangedSince: NEXT_CHANGED_SINCE,
    }),
    z.object({
      items: z.array(LIVE_ENTRY_VIEW),
      deletedIds: z.array(z.number().int()),
      nextChangedSince: NEXT_CHANGED_SINCE,
    }),
  ])
  .meta({ id: 'LiveEntryList' })
