/** A source as the wire desk names it. */
export interface Agency {
  id: number
  slug: string
  name: Record<string, string>
}

/** A story of the wire queue, as the Admin API lists it. */
export interface WireItem {
  id: number
  sourceId: number
  source: Agency | null
  language: string
  headline: string
  summary: string
  link: string | null
  byline: string | null
  publishedAt: string | null
  receivedAt: string
  status: 'new' | 'used'
  usedAt: string | null
  articleId: number | null
}

/** An opened story: its sanitised body too. */
export interface OpenedWireItem extends WireItem {
  bodyHtml: string
}
