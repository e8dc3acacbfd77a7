import type { Kysely, Selectable } from 'kysely'
import type { Database, WireItemStatus, WireItemsTable } from '../../db/database.js'
import { resolvePageRequest, toPage, type Page, type PageRequest } from '../../db/pagination.js'
import type { ArticleDocument } from '../articles/document/article-document.js'

/** A story in the wire queue, as the list shows it. */
export interface WireItem {
  id: number
  sourceId: number
  feedId: number | null
  guid: string
  version: number
  language: string
  headline: string
  summary: string
  link: string | null
  byline: string | null
  publishedAt: string | null
  receivedAt: string
  updatedAt: string
  status: WireItemStatus
  usedBy: number | null
  usedAt: string | null
  articleId: number | null
}

/** An opened item: the list fields and its body. */
export interface WireItemWithBody extends WireItem {
  bodyDoc: ArticleDocument
}

export interface WireItemFilter {
  sourceId?: number
  feedId?: number
  language?: string
  status?: WireItemStatus
  /** Words that must all appear in the headline or summary. */
  text?: string
  /** Received at or after / before these instants (ISO 8601). */
  since?: string
  until?: string
}

type WireItemRow = Selectable<WireItemsTable>

function toWireItem(row: Omit<WireItemRow, 'bodyDoc'>): WireItem {
  return {
    id: row.id,
    sourceId: row.sourceId,
    feedId: row.feedId,
    guid: row.guid,
    version: row.version,
    language: row.language,
    headline: row.headline,
    summary: row.summary,
    link: row.link,
    byline: row.byline,
    publishedAt: row.publishedAt,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    status: row.status,
    usedBy: row.usedBy,
    usedAt: row.usedAt,
    articleId: row.articleId,
  }
}

const LIST_COLUMNS = [
  'id',
  'sourceId',
  'feedId',
  'guid',
  'version',
  'language',
  'headline',
  'summary',
  'link',
  'byline',
  'publishedAt',
  'receivedAt',
  'updatedAt',
  'status',
  'usedBy',
  'usedAt',
  'articleId',
] as const

/** One page of the queue, newest first, with its filters. */
export async function listWireItems(
  db: Kysely<Database>,
  filter: WireItemFilter,
  pageRequest: PageRequest,
): Promise<Page<WireItem>> {
  const request = resolvePageRequest(pageRequest)
  let query = db.selectFrom('wireItems')
  if (filter.sourceId !== undefined) query = query.where('sourceId', '=', filter.sourceId)
  if (filter.feedId !== undefined) query = query.where('feedId', '=', filter.feedId)
  if (filter.language) query = query.where('language', '=', filter.language)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.since) query = query.where('receivedAt', '>=', filter.since)
  if (filter.until) query = query.where('receivedAt', '<', filter.until)
  for (const word of (filter.text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, '')}%`
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['headline']), 'like', pattern),
        eb(eb.fn('lower', ['summary']), 'like', pattern),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    query
      .select(LIST_COLUMNS)
      .orderBy('receivedAt', 'desc')
      .orderBy('publishedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(request.pageSize)
      .offset(request.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return toPage(rows.map(toWireItem), Number(count.total), request)
}

export async function findWireItem(
  db: Kysely<Database>,
  id: number,
): Promise<WireItemWithBody | undefined> {
  const row = await db.selectFrom('wireItems').selectAll().where('id', '=', id).executeTakeFirst()
  return row && { ...toWireItem(row), bodyDoc: JSON.parse(row.bodyDoc) as ArticleDocument }
}
