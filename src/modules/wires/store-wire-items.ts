import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { toWireItemContent, type WireItemContent } from './read-wire-entries.js'
import { createTimeSlices } from './time-slices.js'
import type { WireEntry } from './wire-entry.js'

/** Enough for a feed; keeps `in (…)` lists under SQLite's parameter limit. */
const GUIDS_PER_QUERY = 500

/** What one poll changed in the queue. */
export interface StoreCount {
  added: number
  updated: number
}

/** A poll's changes, sanitised and ready to store. */
export interface WireChanges {
  sourceId: number
  feedId: number
  added: WireItemContent[]
  updated: { id: number; item: WireItemContent }[]
}

/**
 * Sorts a feed's entries against the queue, keyed by agency and guid: a guid already there is left
 * alone unless the entry comes with a higher version (ninjs), which replaces its text. Only new and
 * newer entries are sanitised, so an unchanged feed costs little; and it happens before the
 * transaction, which then only writes, in time slices so that the process keeps serving.
 */
export async function prepareWireChanges(
  db: Kysely<Database>,
  input: {
    sourceId: number
    feedId: number
    entries: WireEntry[]
    defaults: { language: string; baseUrl?: string }
  },
): Promise<WireChanges> {
  const latest = new Map<string, WireEntry>()
  for (const entry of input.entries) {
    const seen = latest.get(entry.guid)
    if (!seen || entry.version > seen.version) latest.set(entry.guid, entry)
  }
  const guids = [...latest.keys()]
  const known = new Map<string, { id: number; version: number }>()
  for (let start = 0; start < guids.length; start += GUIDS_PER_QUERY) {
    const rows = await db
      .selectFrom('wireItems')
      .select(['id', 'guid', 'version'])
      .where('sourceId', '=', input.sourceId)
      .where('guid', 'in', guids.slice(start, start + GUIDS_PER_QUERY))
      .execute()
    for (const row of rows) known.set(row.guid, row)
  }
  const changes: WireChanges = {
    sourceId: input.sourceId,
    feedId: input.feedId,
    added: [],
    updated: [],
  }
  const pause = createTimeSlices()
  for (const entry of latest.values()) {
    await pause()
    const existing = known.get(entry.guid)
    if (existing && entry.version <= existing.version) continue
    const item = toWireItemContent(entry, input.defaults)
    if (!item) continue
    if (existing) changes.updated.push({ id: existing.id, item })
    else changes.added.push(item)
  }
  return changes
}

/**
 * Writes prepared changes; call it in the poll's transaction. A guid another poll added meanwhile
 * is skipped, and a text is replaced only by a higher version, so a race never goes backwards. A
 * used item stays used.
 */
export async function storeWireItems(
  trx: Kysely<Database>,
  changes: WireChanges,
  now: Date,
): Promise<StoreCount> {
  const stamp = now.toISOString()
  const contentOf = (item: WireItemContent) => ({
    version: item.version,
    language: item.language,
    headline: item.headline,
    summary: item.summary,
    bodyDoc: JSON.stringify(item.bodyDoc),
    link: item.link,
    byline: item.byline,
    publishedAt: item.publishedAt,
    feedId: changes.feedId,
    updatedAt: stamp,
  })
  const count: StoreCount = { added: 0, updated: 0 }
  for (const item of changes.added) {
    const inserted = await trx
      .insertInto('wireItems')
      .values({
        ...contentOf(item),
        sourceId: changes.sourceId,
        guid: item.guid,
        status: 'new',
        receivedAt: stamp,
      })
      .onConflict((conflict) => conflict.columns(['sourceId', 'guid']).doNothing())
      .executeTakeFirst()
    count.added += Number(inserted.numInsertedOrUpdatedRows ?? 0)
  }
  for (const { id, item } of changes.updated) {
    const updated = await trx
      .updateTable('wireItems')
      .set(contentOf(item))
      .where('id', '=', id)
      .where('version', '<', item.version)
      .executeTakeFirst()
    count.updated += Number(updated.numUpdatedRows)
  }
  return count
}
