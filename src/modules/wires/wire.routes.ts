import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import { ID_PARAMS, ID_TEXT } from '../../http/common-schemas.js'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import type { OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { renderDocumentHtml } from '../articles/document/render-document.js'
import { contextOf } from '../../http/change-context.js'
import { findSourcesByIds } from '../sources/source-queries.js'
import { useWireItem } from './use-wire-item.js'
import { findWireFeedRow, listWireFeeds, toWireFeed } from './wire-feed-queries.js'
import type { WireFeedService } from './wire-feed-service.js'
import type { WireIngest } from './wire-ingest.js'
import { findWireItem, listWireItems, type WireItem } from './wire-item-queries.js'
import {
  OPENED_WIRE_ITEM,
  POLL_RESULT,
  WIRE_FEED_LIST,
  WIRE_FEED_VIEW,
  WIRE_ITEM_PAGE,
  WIRE_ITEM_USED,
} from './wire-responses.js'
import { WIRE_FEED, WIRE_FEED_CHANGES, WIRE_ITEM_QUERY, WIRE_USE } from './wire-schemas.js'

/** A date alone means the start of that day (UTC). */
const instantOf = (value: string | undefined) =>
  value === undefined ? undefined : new Date(Date.parse(value)).toISOString()

/** The Admin API of the wire desk: agency feeds, the queue, and using an item for a draft. */
export function wireRoutes(deps: {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
  feeds: WireFeedService
  ingest: WireIngest
}) {
  const { db, feeds } = deps
  const tag = 'wires'
  const feedById = async (id: number) => {
    const row = await findWireFeedRow(db, id)
    if (!row) throw new AppError('NOT_FOUND', `There is no feed ${id}`)
    return row
  }
  const withSources = async <T extends { sourceId: number }>(items: T[]) => {
    const sources = await findSourcesByIds(
      db,
      items.map((item) => item.sourceId),
    )
    return items.map((item) => ({ ...item, source: sources.get(item.sourceId) ?? null }))
  }
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/wires/feeds',
      access: { permission: 'wires.read' },
      tag,
      summary: 'Agency feeds, with the state of their polls',
      query: z.strictObject({ sourceId: ID_TEXT.optional() }),
      response: WIRE_FEED_LIST,
      handle: async ({ query }) => ({ items: await withSources(await listWireFeeds(db, query)) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/wires/feeds/:id',
      access: { permission: 'wires.read' },
      tag,
      summary: 'One agency feed',
      params: ID_PARAMS,
      response: WIRE_FEED_VIEW,
      handle: async ({ params }) => toWireFeed(await feedById(params.id)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/wires/feeds',
      access: { permission: 'wires.manage' },
      tag,
      summary: 'Add an agency feed (a URL or a folder), due for its first poll at once',
      body: WIRE_FEED,
      successStatus: 201,
      response: WIRE_FEED_VIEW,
      handle: ({ body, request }) => feeds.create(contextOf(request), body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/wires/feeds/:id',
      access: { permission: 'wires.manage' },
      tag,
      summary: 'Change an agency feed; a new address or format is polled at once',
      params: ID_PARAMS,
      body: WIRE_FEED_CHANGES,
      response: WIRE_FEED_VIEW,
      handle: ({ params, body, request }) => feeds.update(contextOf(request), params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/wires/feeds/:id',
      access: { permission: 'wires.manage' },
      tag,
      summary: 'Stop polling a feed; the items it brought stay in the queue',
      params: ID_PARAMS,
      handle: async ({ params, request }) => {
        await feeds.remove(contextOf(request), params.id)
        return undefined
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/wires/feeds/:id/poll',
      access: { permission: 'wires.manage' },
      tag,
      summary: 'Poll a feed now: what the poll did, and the feed after it',
      params: ID_PARAMS,
      response: POLL_RESULT,
      handle: async ({ params, request }) => {
        const outcome = await deps.ingest.pollNow(contextOf(request), params.id)
        return { outcome, feed: toWireFeed(await feedById(params.id)) }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/wires/items',
      access: { permission: 'wires.read' },
      tag,
      summary:
        'The wire queue, newest first: by agency (sourceId), feed, language, status, words (q) and time received',
      query: WIRE_ITEM_QUERY,
      response: WIRE_ITEM_PAGE,
      handle: async ({ query }) => {
        const { page, pageSize, q, since, until, ...filter } = query
        const result = await listWireItems(
          db,
          { ...filter, text: q, since: instantOf(since), until: instantOf(until) },
          { page, pageSize },
        )
        return { ...result, items: await withSources<WireItem>(result.items) }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/wires/items/:id',
      access: { permission: 'wires.read' },
      tag,
      summary: 'One wire item with its sanitised body (document and HTML)',
      params: ID_PARAMS,
      response: OPENED_WIRE_ITEM,
      handle: async ({ params }) => {
        const item = await findWireItem(db, params.id)
        if (!item) throw new AppError('NOT_FOUND', `There is no wire item ${params.id}`)
        const sources = await findSourcesByIds(db, [item.sourceId])
        return {
          ...item,
          source: sources.get(item.sourceId) ?? null,
          bodyHtml: renderDocumentHtml(item.bodyDoc),
        }
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/wires/items/:id/use',
      access: { permission: 'wires.use' },
      tag,
      summary:
        'Start a draft from a wire item (its text, the agency as source, its link) and mark it used',
      params: ID_PARAMS,
      body: WIRE_USE,
      successStatus: 201,
      response: WIRE_ITEM_USED,
      handle: async ({ params, body, request }) => {
        const article = await useWireItem(deps, contextOf(request), { id: params.id, ...body })
        return {
          article: { id: article.id, language: article.language },
          item: await findWireItem(db, params.id),
        }
      },
    }),
  ]
}
