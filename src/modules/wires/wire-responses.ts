import { z } from 'zod'
import { INSTANT, listOf, pageOf } from '../../http/response-schemas.js'
import { ARTICLE_DOCUMENT_SCHEMA } from '../articles/document/document-schema.js'
import { SOURCE_VIEW } from '../sources/source-responses.js'

/** What the Admin API answers about the wire desk: agency feeds and the queue. */

export const WIRE_FEED_VIEW = z
  .object({
    id: z.number().int(),
    sourceId: z.number().int(),
    name: z.string(),
    url: z.string().nullable(),
    folder: z.string().nullable(),
    format: z.enum(['rss', 'atom', 'ninjs']),
    language: z.string(),
    pollIntervalSeconds: z.number().int(),
    isEnabled: z.boolean(),
    nextPollAt: INSTANT,
    lastPolledAt: INSTANT.nullable(),
    lastSuccessAt: INSTANT.nullable(),
    failureCount: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: INSTANT,
    updatedAt: INSTANT,
  })
  .meta({ id: 'WireFeed', description: 'An agency feed the wire desk polls' })

export const WIRE_FEED_LIST = listOf(WIRE_FEED_VIEW.extend({ source: SOURCE_VIEW.nullable() }))

export const POLL_RESULT = z.object({
  outcome: z
    .union([
      z.object({
        feedId: z.number().int(),
        status: z.literal('stored'),
        added: z.number().int(),
        updated: z.number().int(),
        problems: z.array(z.string()),
        truncated: z
          .object({ items: z.number().int(), taken: z.number().int() })
          .optional()
          .describe('Present when the feed had more items than a poll takes'),
      }),
      z.object({ feedId: z.number().int(), status: z.literal('not-modified') }),
      z.object({ feedId: z.number().int(), status: z.literal('failed'), error: z.string() }),
    ])
    .meta({ id: 'PollOutcome', description: 'What one poll of one feed did' }),
  feed: WIRE_FEED_VIEW,
})

const WIRE_ITEM_FIELDS = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  feedId: z.number().int().nullable(),
  guid: z.string(),
  version: z.number().int(),
  language: z.string(),
  headline: z.string(),
  summary: z.string(),
  link: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: INSTANT.nullable(),
  receivedAt: INSTANT,
  updatedAt: INSTANT,
  status: z.enum(['new', 'used']),
  usedBy: z.number().int().nullable(),
  usedAt: INSTANT.nullable(),
  articleId: z.number().int().nullable(),
})

export const WIRE_ITEM_VIEW = WIRE_ITEM_FIELDS.extend({ source: SOURCE_VIEW.nullable() }).meta({
  id: 'WireItem',
  description: 'A story of the wire queue, with its agency',
})

export const WIRE_ITEM_PAGE = pageOf(WIRE_ITEM_VIEW).meta({ id: 'WireItemPage' })

export const OPENED_WIRE_ITEM = WIRE_ITEM_VIEW.extend({
  bodyDoc: ARTICLE_DOCUMENT_SCHEMA,
  bodyHtml: z.string().describe('The body sanitised, as HTML'),
}).meta({ id: 'OpenedWireItem', description: 'A wire story with its body' })

export const WIRE_ITEM_USED = z.object({
  article: z.object({ id: z.number().int(), language: z.string() }),
  item: WIRE_ITEM_FIELDS.extend({ bodyDoc: ARTICLE_DOCUMENT_SCHEMA }).optional(),
})
