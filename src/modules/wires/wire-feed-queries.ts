import type { Kysely, Selectable } from 'kysely'
import type { Database, WireFeedsTable, WireFormat } from '../../db/database.js'

/** An agency feed as the newsroom sees it, with how its polls are going. */
export interface WireFeed {
  id: number
  sourceId: number
  name: string
  url: string | null
  folder: string | null
  format: WireFormat
  language: string
  pollIntervalSeconds: number
  isEnabled: boolean
  nextPollAt: string
  lastPolledAt: string | null
  lastSuccessAt: string | null
  failureCount: number
  lastError: string | null
  createdAt: string
  updatedAt: string
}

/** A feed row with the poll state the API never shows (validators, claim). */
export type WireFeedRow = Selectable<WireFeedsTable>

export interface WireFeedInput {
  sourceId: number
  name: string
  url: string | null
  folder: string | null
  format: WireFormat
  language: string
  pollIntervalSeconds: number
  isEnabled: boolean
}

export function toWireFeed(row: WireFeedRow): WireFeed {
  return {
    id: row.id,
    sourceId: row.sourceId,
    name: row.name,
    url: row.url,
    folder: row.folder,
    format: row.format,
    language: row.language,
    pollIntervalSeconds: row.pollIntervalSeconds,
    isEnabled: row.isEnabled === 1,
    nextPollAt: row.nextPollAt,
    lastPolledAt: row.lastPolledAt,
    lastSuccessAt: row.lastSuccessAt,
    failureCount: row.failureCount,
    lastError: row.lastError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** Adds a feed, due for its first poll now. */
export async function createWireFeed(
  db: Kysely<Database>,
  input: WireFeedInput,
  now: Date,
): Promise<number> {
  const { id } = await db
    .insertInto('wireFeeds')
    .values({
      ...input,
      isEnabled: input.isEnabled ? 1 : 0,
      nextPollAt: now.toISOString(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/**
 * Changes a feed. A new address or format forgets the old validators and makes the feed due now,
 * so the change shows at once; renaming it or switching it off keeps its poll state.
 */
export async function updateWireFeed(
  db: Kysely<Database>,
  current: WireFeedRow,
  changes: Partial<WireFeedInput>,
  now: Date,
): Promise<void> {
  const { isEnabled, ...rest } = changes
  const isChanged = (name: 'url' | 'folder' | 'format') =>
    changes[name] !== undefined && changes[name] !== current[name]
  const isNewAddress = isChanged('url') || isChanged('folder') || isChanged('format')
  await db
    .updateTable('wireFeeds')
    .set({
      ...rest,
      ...(isEnabled === undefined ? {} : { isEnabled: isEnabled ? 1 : 0 }),
      ...(isNewAddress
        ? { etag: null, lastModified: null, nextPollAt: now.toISOString(), failureCount: 0 }
        : {}),
      updatedAt: now.toISOString(),
    })
    .where('id', '=', current.id)
    .execute()
}

export async function deleteWireFeed(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('wireFeeds').where('id', '=', id).execute()
}

export async function findWireFeedRow(
  db: Kysely<Database>,
  id: number,
): Promise<WireFeedRow | undefined> {
  return db.selectFrom('wireFeeds').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listWireFeeds(
  db: Kysely<Database>,
  filter: { sourceId?: number } = {},
): Promise<WireFeed[]> {
  let query = db.selectFrom('wireFeeds').selectAll().orderBy('name').orderBy('id')
  if (filter.sourceId !== undefined) query = query.where('sourceId', '=', filter.sourceId)
  return (await query.execute()).map(toWireFeed)
}
