import { describe, expect, it } from 'vitest'
import { LARGEST_PAGE_SIZE, resolvePageRequest, toPage } from './pagination.js'

describe('page requests', () => {
  it('defaults to the first page of 20 and clamps nonsense', () => {
    expect(resolvePageRequest()).toEqual({ page: 1, pageSize: 20, offset: 0 })
    expect(resolvePageRequest({ page: 0, pageSize: 0 })).toEqual({
      page: 1,
      pageSize: 1,
      offset: 0,
    })
    expect(resolvePageRequest({ page: 3, pageSize: 10_000 })).toEqual({
      page: 3,
      pageSize: LARGEST_PAGE_SIZE,
      offset: 200,
    })
    expect(resolvePageRequest({ page: 2.7, pageSize: 10 })).toEqual({
      page: 2,
      pageSize: 10,
      offset: 10,
    })
  })

  it('counts pages from the total', () => {
    expect(toPage(['a'], 41, { page: 1, pageSize: 20 })).toMatchObject({ pageCount: 3, total: 41 })
    expect(toPage([], 0, { page: 1, pageSize: 20 }).pageCount).toBe(0)
  })
})
