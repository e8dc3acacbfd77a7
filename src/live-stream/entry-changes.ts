import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { findEntryBylines } from '../modules/live/live-entry-bylines.js'
import { findLiveEntriesByIds } from '../modules/live/live-entry-queries.js'
import { renderLiveEntryHtml } from '../site/components/live-entry.js'
import type { Frame } from '../site/view-models.js'

/** What a reader's page needs to show a changed entry: its markup, or that it is gone. */
export type EntryChange =
  | {
      id: number
      action: 'created' | 'updated'
      html: string
      isPinned: boolean
      isKeyEvent: boolean
    }
  | { id: number; action: 'deleted' }

/**
 * The entries as they are now, rendered once for every reader of the story: an entry deleted
 * since (or never published) is a deletion, whatever the event said. Two queries and the bylines'
 * for any number of entries.
 */
export async function renderEntryChanges(
  db: Kysely<Database>,
  frame: Frame,
  changes: readonly { id: number; action: string }[],
): Promise<EntryChange[]> {
  const entries = await findLiveEntriesByIds(
    db,
    changes.map((change) => change.id),
  )
  const bylines = await findEntryBylines(db, [...entries.values()])
  return changes.map(({ id, action }) => {
    const entry = entries.get(id)
    if (!entry || action === 'deleted') return { id, action: 'deleted' }
    const byline = entry.authorUserId === null ? undefined : bylines.get(entry.authorUserId)
    return {
      id,
      action: action === 'created' ? 'created' : 'updated',
      html: renderLiveEntryHtml({ entry, byline, frame }),
      isPinned: entry.isPinned,
      isKeyEvent: entry.isKeyEvent,
    }
  })
}
