/** The filters of the wire queue, as they stand in the address (`/wires?agency=3&status=new`). */
export interface WireFilters {
  agency: string
  language: string
  status: string
  q: string
}

export const NO_WIRE_FILTERS: WireFilters = { agency: '', language: '', status: '', q: '' }

const NAMES = ['agency', 'language', 'status', 'q'] as const

export function wireFiltersOf(query: URLSearchParams): WireFilters {
  return {
    agency: query.get('agency') ?? '',
    language: query.get('language') ?? '',
    status: query.get('status') ?? '',
    q: query.get('q') ?? '',
  }
}

/** The app path of the queue with these filters and page. */
export function wiresPath(filters: WireFilters, page = 1): string {
  const search = new URLSearchParams()
  for (const name of NAMES) if (filters[name].trim()) search.set(name, filters[name].trim())
  if (page > 1) search.set('page', String(page))
  const text = search.toString()
  return text ? `/wires?${text}` : '/wires'
}

/** The Admin API query of the queue list. */
export function wireItemsQuery(filters: WireFilters, page: number, pageSize: number) {
  return {
    sourceId: filters.agency || undefined,
    language: filters.language || undefined,
    status: filters.status || undefined,
    q: filters.q.trim() || undefined,
    page,
    pageSize,
  }
}
