import { describe, expect, it } from 'vitest'
import { checkArchiveRow } from './archive-row.js'

const COLUMNS = { id: 'int', title: 'json', at: 'time', note: 'text?' } as const
const ALL = Object.keys(COLUMNS)
const GOOD = { id: 7, title: '{"en":"x"}', at: '2026-01-31T09:30:00.000Z', note: null }

describe('checkArchiveRow', () => {
  it('accepts a row with every column of its kind', () => {
    expect(checkArchiveRow(GOOD, COLUMNS, ALL)).toEqual({ row: GOOD })
  })

  it.each([
    [[1, 2], 'a row must be a JSON object, not an array'],
    [null, 'a row must be a JSON object, not null'],
    [{ ...GOOD, extra: 1 }, 'unknown column extra'],
    [{ id: 7, title: '{}', at: GOOD.at }, 'column note is missing'],
    [{ ...GOOD, id: '7' }, 'column id must be a whole number, not "7"'],
    [{ ...GOOD, id: 1.5 }, 'column id must be a whole number, not number 1.5'],
    [
      { ...GOOD, title: '{not json' },
      'column title must be a string of JSON text, not "{not json"',
    ],
    [{ ...GOOD, at: '31/01/2026' }, 'column at must be an ISO 8601 UTC time string'],
    [{ ...GOOD, note: 3 }, 'column note must be a string or null, not number 3'],
  ])('names what is wrong in %j', (value, problem) => {
    const result = checkArchiveRow(value, COLUMNS, ALL)
    expect('problem' in result && result.problem).toContain(problem)
  })

  it('leaves out columns the archive does not hold', () => {
    const { note: _note, ...withoutNote } = GOOD
    expect(checkArchiveRow(withoutNote, COLUMNS, ['id', 'title', 'at'])).toEqual({
      row: withoutNote,
    })
  })
})
