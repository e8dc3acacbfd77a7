import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { RecordChange } from '../../api/change-recorder.js'
import { ID_PARAMS } from '../../api/common-schemas.js'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { renderDocumentHtml } from '../articles/document/render-document.js'
import { contextOf } from '../editorial/article.routes.js'
import type { ArticleService } from '../editorial/article-service.js'
import { findSourcesByIds } from '../sources/source-queries.js'
import { useWireItem } from './use-wire-item.js'
import {
  createWireFeed,
  deleteWireFeed,
  findWireFeedRow,
  listWireFeeds,
  toWireFeed,
  updateWireFeed,
  type WireFeedInput,
} from './wire-feed-queries.js'
import type { WireIngest } from './wire-ingest.js'
import { findWireItem, listWireItems, type WireItem } from './wire-item-queries.js'
import { WIRE_FEED, WIRE_FEED_CHANGES, WIRE_ITEM_QUERY, WIRE_USE } from './wire-schemas.js'

/** A date alone means the start of that day (UTC). */
const instantOf = (value: string | undefined) =>
  value === undefined ? undefined : new Date(Date.parse(value)).toISOString()

async function assertFeedIsValid(
  db: Kysely<Database>,
  feed: Pick<WireFeedInput, 'sourceId' | 'url' | 'folder'>,
): Promise<void> {
  if (Boolean(feed.url) === Boolean(feed.folder)) {
    throw new AppError('VALIDATION_FAILED', 'A feed needs either a url or a folder, not both', {
      property: feed.url ? 'folder' : 'url',
    })
  }
  if (!(await findSourcesByIds(db, [feed.sourceId])).has(feed.sourceId)) {
    throw new AppError('VALIDATION_FAILED', `There is no source ${feed.sourceId}`, {
      property: 'sourceId',
    })
  }
}

/** The Admin API of the wire desk: agency feeds, the queue, and using an item for a draft. */
export function wireRoutes(deps: {
  db: Kysely<Database>
  clock: Clock
  recordChange: RecordChange
  articles: ArticleService
  ingest: WireIngest
}) {
  const { db, clock, recordChange } = deps
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
      query: z.strictObject({ sourceId: z.coerce.number().int().positive().optional() }),
      handle: async ({ query }) => ({ items: await withSources(await listWireFeeds(db, query)) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/wires/feeds/:id',
      access: { permission: 'wires.read' },
      tag,
      summary: 'One agency feed',
      params: ID_PARAMS,
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
      handle: async ({ body, request }) => {
        const input = { ...body, url: body.url ?? null, folder: body.folder ?? null }
        await assertFeedIsValid(db, input)
        const id = await createWireFeed(db, input, clock.now())
        await recordChange(request, { entity: 'wire_feed', action: 'created', id })
        return toWireFeed(await feedById(id))
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/wires/feeds/:id',
      access: { permission: 'wires.manage' },
      tag,
      summary: 'Change an agency feed; a new address or format is polled at once',
      params: ID_PARAMS,
      body: WIRE_FEED_CHANGES,
      handle: async ({ params, body, request }) => {
        const current = await feedById(params.id)
        await assertFeedIsValid(db, {
          sourceId: body.sourceId ?? current.sourceId,
          url: body.url === undefined ? current.url : body.url,
          folder: body.folder === undefined ? current.folder : body.folder,
        })
        await updateWireFeed(db, current, body, clock.now())
        await recordChange(request, { entity: 'wire_feed', action: 'updated', id: params.id })
        return toWireFeed(await feedById(params.id))
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/wires/feeds/:id',
      access: { permission: 'wires.manage' },
      tag,
      summary: 'Stop polling a feed; the items it brought stay in the queue',
      params: ID_PARAMS,
      handle: async ({ params, request }) => {
        await feedById(params.id)
        await deleteWireFeed(db, params.id)
        await recordChange(request, { entity: 'wire_feed', action: 'deleted', id: params.id })
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
      handle: async ({ params }) => {
        const outcome = await deps.ingest.pollNow(params.id)
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
      handle: async ({ params }) => {
        const item = await findWireItem(db, params.id)
        if (!item) throw new AppError('NOT_FOUND', `There is no wire item ${params.id}`)
        const [withSource] = await withSources([item])
        return { ...withSource, bodyHtml: renderDocumentHtml(item.bodyDoc) }
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
