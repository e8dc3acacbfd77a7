import { describe, expect, it } from 'vitest'
import {
  ARCHIVE_TABLES,
  DERIVED_COLUMNS,
  EXCLUDED_TABLES,
  SECRET_PLACEHOLDERS,
} from '../src/modules/site-archive/archive-tables.js'
import { EXPECTED_COLUMNS } from './helpers/expected-columns.js'

const archived = ARCHIVE_TABLES.map((table) => table.name)
const excluded = Object.keys(EXCLUDED_TABLES)

describe('the tables of a site archive in step with the Database interface', () => {
  it('archives or deliberately excludes every table, never both', () => {
    expect([...archived, ...excluded].sort()).toEqual(Object.keys(EXPECTED_COLUMNS).sort())
    expect(archived.filter((name) => excluded.includes(name))).toEqual([])
    expect(new Set(archived).size).toBe(archived.length)
  })

  it('archives every column of each archived table but the derived ones, keyed by columns it has', () => {
    for (const table of ARCHIVE_TABLES) {
      const derived = DERIVED_COLUMNS[table.name] ?? []
      const columns = Object.keys(EXPECTED_COLUMNS[table.name])
        .filter((column) => !derived.includes(column))
        .sort()
      expect(Object.keys(table.columns).sort(), table.name).toEqual(columns)
      for (const column of [...table.key, ...(table.secretColumns ?? [])])
        expect(columns, table.name).toContain(column)
      for (const column of table.secretColumns ?? [])
        expect(Object.keys(SECRET_PLACEHOLDERS), table.name).toContain(column)
    }
  })
})
