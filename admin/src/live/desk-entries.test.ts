import { describe, expect, it } from 'vitest'
import { countNewEntries, mergeChanges, withEntry, withoutEntry } from './desk-entries.js'
import type { LiveEntry } from './live-types.js'

function entry(id: number, fields: Partial<LiveEntry> = {}): LiveEntry {
  return {
    id,
    articleId: 7,
    title: null,
    bodyDoc: { type: 'doc', content: [{ type: 'paragraph' }] },
    bodyHtml: `<p>Entry ${id}</p>`,
    isKeyEvent: false,
    isPinned: false,
    createdAt: '2026-12-07T20:00:00.000Z',
    editedAt: null,
    author: { userId: 1, name: 'Nadia' },
    ...fields,
  }
}

const ids = (entries: readonly LiveEntry[]) => entries.map((item) => item.id)

describe('the entries of the live desk', () => {
  it('keeps them newest first when one is added or replaced', () => {
    const entries = withEntry([entry(5), entry(2)], entry(3))
    expect(ids(entries)).toEqual([5, 3, 2])
    const replaced = withEntry(entries, entry(3, { title: 'Landfall' }))
    expect(ids(replaced)).toEqual([5, 3, 2])
    expect(replaced[1]?.title).toBe('Landfall')
    expect(ids(withoutEntry(replaced, 5))).toEqual([3, 2])
  })

  it('unpins the others when an entry comes in pinned', () => {
    const entries = withEntry(
      [entry(2, { isPinned: true }), entry(1)],
      entry(1, { isPinned: true }),
    )
    expect(entries.map((item) => [item.id, item.isPinned])).toEqual([
      [2, false],
      [1, true],
    ])
  })

  it('merges polled changes: new entries on top, edits in place, deletions out', () => {
    const entries = [entry(4), entry(3, { isPinned: true }), entry(2)]
    const merged = mergeChanges(entries, {
      items: [
        entry(6),
        entry(5, { isPinned: true }),
        entry(2, { editedAt: '2026-12-07T20:05:00Z' }),
      ],
      deletedIds: [4, 99],
    })
    expect(merged.map((item) => [item.id, item.isPinned, item.editedAt !== null])).toEqual([
      [6, false, false],
      [5, true, false],
      [3, false, false],
      [2, false, true],
    ])
  })

  it('merges the same change twice to the same result', () => {
    const changes = { items: [entry(3, { title: 'Again' })], deletedIds: [1] }
    const once = mergeChanges([entry(2), entry(1)], changes)
    expect(mergeChanges(once, changes)).toEqual(once)
  })

  it('keeps the entry being edited when it is deleted elsewhere, marked gone', () => {
    const merged = mergeChanges(
      [entry(2), entry(1)],
      { items: [], deletedIds: [2, 1] },
      {
        editingId: 2,
      },
    )
    expect(merged).toEqual([{ ...entry(2), isGone: true }])
  })

  it('leaves an edited entry older than those shown to its page while older pages are not loaded', () => {
    const entries = [entry(60), entry(59)]
    const changes = { items: [entry(61), entry(12, { title: 'Old, edited' })], deletedIds: [] }
    expect(ids(mergeChanges(entries, changes, { hasOlder: true }))).toEqual([61, 60, 59])
    expect(ids(mergeChanges(entries, changes, { hasOlder: false }))).toEqual([61, 60, 59, 12])
  })

  it('counts the entries a poll brings that the desk has not shown', () => {
    expect(countNewEntries([entry(2), entry(1)], { items: [entry(3), entry(2), entry(4)] })).toBe(2)
  })
})
