import { describe, expect, it } from 'vitest'
import { NO_WIRE_FILTERS, wireFiltersOf, wireItemsQuery, wiresPath } from './wire-filters.js'

describe('the wire queue filters', () => {
  it('round-trips through the address, leaving out empty filters and the first page', () => {
    const filters = { ...NO_WIRE_FILTERS, agency: '3', q: ' port ' }
    expect(wiresPath(filters)).toBe('/wires?agency=3&q=port')
    expect(wiresPath(NO_WIRE_FILTERS, 2)).toBe('/wires?page=2')
    expect(wiresPath(NO_WIRE_FILTERS)).toBe('/wires')
    expect(wireFiltersOf(new URLSearchParams('agency=3&status=new'))).toEqual({
      ...NO_WIRE_FILTERS,
      agency: '3',
      status: 'new',
    })
  })

  it('asks the API by agency id and words, sending nothing for filters left empty', () => {
    expect(wireItemsQuery({ ...NO_WIRE_FILTERS, agency: '3', q: '  ' }, 2, 25)).toEqual({
      sourceId: '3',
      language: undefined,
      status: undefined,
      q: undefined,
      page: 2,
      pageSize: 25,
    })
  })
})
