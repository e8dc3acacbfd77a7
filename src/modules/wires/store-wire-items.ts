import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { WireItemContent } from './read-wire-entries.js'

/** Enough for a feed; keeps `in (…)` lists under SQLite's parameter limit. */
const GUIDS_PER_QUERY = 500

/** What one poll changed in the queue. */
export interface StoreCount {
  added: number
  updated: number
}

/**
 * Puts a feed's items in the queue, keyed by agency and guid: a guid already there is left alone
 * unless the item comes with a higher version (ninjs), which replaces its text; a used item stays
 * used. Call it in the poll's transaction.
 */
export async function storeWireItems(
  trx: Kysely<Database>,
  input: { sourceId: number; feedId: number; items: WireItemContent[] },
  now: Date,
): Promise<StoreCount> {
  const latest = new Map<string, WireItemContent>()
  for (const item of input.items) {
    const seen = latest.get(item.guid)
    if (!seen || item.version > seen.version) latest.set(item.guid, item)
  }
  const guids = [...latest.keys()]
  const known = new Map<string, { id: number; version: number }>()
  for (let start = 0; start < guids.length; start += GUIDS_PER_QUERY) {
    const rows = await trx
      .selectFrom('wireItems')
      .select(['id', 'guid', 'version'])
      .where('sourceId', '=', input.sourceId)
      .where('guid', 'in', guids.slice(start, start + GUIDS_PER_QUERY))
      .execute()
    for (const row of rows) known.set(row.guid, row)
  }
  const stamp = now.toISOString()
  const count: StoreCount = { added: 0, updated: 0 }
  for (const item of latest.values()) {
    const content = {
      version: item.version,
      language: item.language,
      headline: item.headline,
      summary: item.summary,
      bodyDoc: JSON.stringify(item.bodyDoc),
      link: item.link,
      byline: item.byline,
      publishedAt: item.publishedAt,
      feedId: input.feedId,
      updatedAt: stamp,
    }
    const existing = known.get(item.guid)
    if (!existing) {
      const inserted = await trx
        .insertInto('wireItems')
        .values({
          ...content,
          sourceId: input.sourceId,
          guid: item.guid,
          status: 'new',
          receivedAt: stamp,
        })
        .onConflict((conflict) => conflict.columns(['sourceId', 'guid']).doNothing())
        .executeTakeFirst()
      count.added += Number(inserted.numInsertedOrUpdatedRows ?? 0)
    } else if (item.version > existing.version) {
      await trx
        .updateTable('wireItems')
        .set(content)
        .where('id', '=', existing.id)
        .where('version', '<', item.version)
        .execute()
      count.updated++
    }
  }
  return count
}
