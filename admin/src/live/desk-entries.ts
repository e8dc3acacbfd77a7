import type { LiveEntry, LiveEntryChanges } from './live-types.js'

/** An entry on the desk; `isGone` when someone else deleted it while it was being edited here. */
export type DeskEntry = LiveEntry & { isGone?: boolean }

const newestFirst = (a: LiveEntry, b: LiveEntry) => b.id - a.id

/**
 * The entries with this one added or replaced, newest first. A pinned entry unpins the others:
 * a story has one pinned entry at a time, and the server unpins the old one without a change
 * of its own.
 */
export function withEntry(entries: readonly DeskEntry[], entry: LiveEntry): DeskEntry[] {
  const others = entries
    .filter((candidate) => candidate.id !== entry.id)
    .map((candidate) =>
      entry.isPinned && candidate.isPinned ? { ...candidate, isPinned: false } : candidate,
    )
  return [...others, entry].sort(newestFirst)
}

/** The entries without this one. */
export function withoutEntry(entries: readonly DeskEntry[], id: number): DeskEntry[] {
  return entries.filter((entry) => entry.id !== id)
}

/**
 * Polled changes merged into the desk: posted and edited entries in place, deleted ones out.
 * The entry being edited here keeps its place when deleted elsewhere (marked gone), so the text
 * typed into it is not lost from under the person's hands. While older pages are not loaded
 * (`hasOlder`), an edited entry older than all those shown stays with its page.
 */
export function mergeChanges(
  entries: readonly DeskEntry[],
  changes: Pick<LiveEntryChanges, 'items' | 'deletedIds'>,
  options: { editingId?: number; hasOlder?: boolean } = {},
): DeskEntry[] {
  const { editingId, hasOlder = false } = options
  const oldestShown = Math.min(...entries.map((entry) => entry.id))
  const shown = new Set(entries.map((entry) => entry.id))
  let merged = [...changes.items]
    .filter((entry) => shown.has(entry.id) || !hasOlder || entry.id > oldestShown)
    // Oldest first, so that of two pinned entries in one answer the newest would win.
    .sort((a, b) => a.id - b.id)
    .reduce<DeskEntry[]>((list, entry) => withEntry(list, entry), [...entries])
  for (const id of changes.deletedIds) {
    merged =
      id === editingId
        ? merged.map((entry) => (entry.id === id ? { ...entry, isGone: true } : entry))
        : withoutEntry(merged, id)
  }
  return merged
}

/** How many of the changes are entries the desk has not shown yet. */
export function countNewEntries(
  entries: readonly DeskEntry[],
  changes: Pick<LiveEntryChanges, 'items'>,
): number {
  const shown = new Set(entries.map((entry) => entry.id))
  return changes.items.filter((entry) => !shown.has(entry.id)).length
}
