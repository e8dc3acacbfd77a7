import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'

/** The settings row naming the asset files the site's pages last pointed at; not a site setting. */
const SERVED_ASSETS_ROW = 'servedSiteAssets'

/** A change of the site's assets that this process claimed, and how to give it back. */
export interface AssetChangeClaim {
  /** Logical names whose file changed (all of them when none was recorded). */
  changed: string[]
  /** Puts the previous record back, so that a later start claims the change again. */
  release(): Promise<void>
}

function changedNames(previous: string | undefined, paths: Readonly<Record<string, string>>) {
  let recorded: Record<string, unknown> = {}
  try {
    recorded = previous ? (JSON.parse(previous) as Record<string, unknown>) : {}
  } catch {
    // An unreadable record counts as no record.
  }
  const names = new Set([...Object.keys(recorded), ...Object.keys(paths)])
  return [...names].filter((name) => recorded[name] !== paths[name]).sort()
}

/**
 * Records the hashed paths this build's pages point at, when they differ from the record, and
 * says whether this call changed it: of many processes starting on the same database with the
 * same build, exactly one claims the change, on SQLite and PostgreSQL alike: each write is a
 * compare-and-set on the value read (jsonb compares by content on PostgreSQL, text as read on
 * SQLite).
 */
export async function claimAssetChange(input: {
  db: Kysely<Database>
  paths: Readonly<Record<string, string>>
  now: Date
}): Promise<AssetChangeClaim | undefined> {
  const { db, now } = input
  const value = JSON.stringify(input.paths)
  const previous = (
    await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', SERVED_ASSETS_ROW)
      .executeTakeFirst()
  )?.value
  // Compared by content: PostgreSQL keeps jsonb in its own key order and spacing.
  const changed = changedNames(previous, input.paths)
  if (changed.length === 0) return undefined
  const updatedAt = now.toISOString()
  const isClaimed =
    previous === undefined
      ? (
          await db
            .insertInto('settings')
            .values({ key: SERVED_ASSETS_ROW, value, updatedAt })
            .onConflict((conflict) => conflict.column('key').doNothing())
            .executeTakeFirst()
        ).numInsertedOrUpdatedRows === 1n
      : (
          await db
            .updateTable('settings')
            .set({ value, updatedAt })
            .where('key', '=', SERVED_ASSETS_ROW)
            .where('value', '=', previous)
            .executeTakeFirst()
        ).numUpdatedRows === 1n
  if (!isClaimed) return undefined
  return {
    changed,
    async release() {
      // Only while the record is still this claim's: another build may have claimed since.
      if (previous === undefined)
        await db
          .deleteFrom('settings')
          .where('key', '=', SERVED_ASSETS_ROW)
          .where('value', '=', value)
          .execute()
      else
        await db
          .updateTable('settings')
          .set({ value: previous })
          .where('key', '=', SERVED_ASSETS_ROW)
          .where('value', '=', value)
          .execute()
    },
  }
}
