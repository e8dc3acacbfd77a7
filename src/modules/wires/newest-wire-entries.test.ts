import { describe, expect, it } from 'vitest'
import { newestWireEntries } from './newest-wire-entries.js'
import type { WireEntry } from './wire-entry.js'

const entry = (guid: string, publishedAt: string | null): WireEntry => ({
  guid,
  version: 0,
  headlineHtml: guid,
  summaryHtml: '',
  bodyHtml: '',
  link: null,
  byline: null,
  publishedAt,
  language: null,
})

describe('the newest entries of a feed', () => {
  it('keeps a feed within the limit as it is', () => {
    const entries = [entry('a', null), entry('b', '2026-06-15T10:00:00Z')]
    expect(newestWireEntries(entries, 2)).toEqual({ entries })
  })

  it('takes the newest by time, then undated ones in the feed’s order, and says how many there were', () => {
    const entries = [
      entry('undated-1', null),
      entry('old', '2026-06-14T10:00:00Z'),
      entry('new', '2026-06-15T10:00:00Z'),
      entry('undated-2', null),
    ]
    const newest = newestWireEntries(entries, 3)
    expect(newest.entries.map((kept) => kept.guid)).toEqual(['new', 'old', 'undated-1'])
    expect(newest.truncatedFrom).toBe(4)
  })
})
