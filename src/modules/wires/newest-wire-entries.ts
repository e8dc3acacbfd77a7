import type { WireEntry } from './wire-entry.js'

/** A feed's entries cut to the newest few, and how many there were. */
export interface NewestEntries {
  entries: WireEntry[]
  /** How many entries the feed had, when more than were taken; undefined when none were left. */
  truncatedFrom?: number
}

/**
 * The `limit` newest entries, by publication time; entries without one rank after the dated
 * ones, in the feed's order (agencies list newest first). A feed of its whole archive thus costs
 * one poll of `limit` items, not tens of thousands.
 */
export function newestWireEntries(entries: WireEntry[], limit: number): NewestEntries {
  if (entries.length <= limit) return { entries }
  const timeOf = (entry: WireEntry) =>
    entry.publishedAt ? Date.parse(entry.publishedAt) : Number.NEGATIVE_INFINITY
  const newest = entries
    .map((entry, index) => ({ entry, index, time: timeOf(entry) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .slice(0, limit)
    .map(({ entry }) => entry)
  return { entries: newest, truncatedFrom: entries.length }
}
