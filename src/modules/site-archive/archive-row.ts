import type { ColumnKind } from './archive-tables.js'

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/

const KIND_NAMES: Record<string, string> = {
  int: 'a whole number',
  real: 'a number',
  text: 'a string',
  json: 'a string of JSON text',
  time: 'an ISO 8601 UTC time string',
}

function isJsonText(value: string): boolean {
  try {
    JSON.parse(value)
    return true
  } catch {
    return false
  }
}

function fits(kind: string, value: unknown): boolean {
  switch (kind) {
    case 'int':
      return Number.isSafeInteger(value)
    case 'real':
      return typeof value === 'number' && Number.isFinite(value)
    case 'text':
      return typeof value === 'string'
    case 'json':
      return typeof value === 'string' && isJsonText(value)
    default:
      return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return value.length > 40 ? 'another string' : JSON.stringify(value)
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`
}

/**
 * Checks one parsed archive line against its table: an object with exactly the given columns,
 * each value of its column's kind. Returns the row, or the reason it is wrong in one phrase.
 */
export function checkArchiveRow(
  value: unknown,
  columns: Readonly<Record<string, ColumnKind>>,
  expected: readonly string[],
): { row: Record<string, unknown> } | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: `a row must be a JSON object, not ${describe(value)}` }
  const row = value as Record<string, unknown>
  const unknown = Object.keys(row).filter((column) => !expected.includes(column))
  if (unknown.length > 0) return { problem: `unknown column ${unknown.join(', ')}` }
  for (const column of expected) {
    if (!(column in row)) return { problem: `column ${column} is missing` }
    const kind = columns[column] ?? 'text'
    const cell = row[column]
    const isNullable = kind.endsWith('?')
    if (cell === null && isNullable) continue
    const base = kind.replace('?', '')
    if (!fits(base, cell))
      return {
        problem: `column ${column} must be ${KIND_NAMES[base] ?? base}${isNullable ? ' or null' : ''}, not ${describe(cell)}`,
      }
  }
  return { row }
}
