/** One page of a list, with what a pager needs. */
export interface Page<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
  pageCount: number
}

export interface PageRequest {
  /** 1-based. */
  page?: number
  pageSize?: number
}

export const DEFAULT_PAGE_SIZE = 20
export const LARGEST_PAGE_SIZE = 100

/** Clamps a page request to sane bounds and gives the SQL offset. */
export function resolvePageRequest(request: PageRequest = {}): {
  page: number
  pageSize: number
  offset: number
} {
  const pageSize = Math.min(
    Math.max(Math.trunc(request.pageSize ?? DEFAULT_PAGE_SIZE), 1),
    LARGEST_PAGE_SIZE,
  )
  const page = Math.max(Math.trunc(request.page ?? 1), 1)
  return { page, pageSize, offset: (page - 1) * pageSize }
}

export function toPage<T>(
  items: T[],
  total: number,
  request: { page: number; pageSize: number },
): Page<T> {
  return {
    items,
    total,
    page: request.page,
    pageSize: request.pageSize,
    pageCount: Math.ceil(total / request.pageSize),
  }
}
