import type { IncomingHttpHeaders } from 'node:http'
import type { CachedPage, Encoding } from './page-cache.js'

/** The ETag of an entry in one encoding: each encoding is its own representation (RFC 9110). */
export function etagOf(page: CachedPage, encoding: Encoding): string {
  return encoding === 'identity' ? page.etag : `${page.etag.slice(0, -1)}-${encoding}"`
}

function namesThisPage(ifNoneMatch: string, page: CachedPage): boolean {
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '')
    return (
      candidate === '*' ||
      candidate === page.etag ||
      candidate === etagOf(page, 'br') ||
      candidate === etagOf(page, 'gzip')
    )
  })
}

/** Whether the client's copy is current: If-None-Match, else If-Modified-Since (RFC 9110 §13.1.2). */
export function isClientCopyCurrent(headers: IncomingHttpHeaders, page: CachedPage): boolean {
  const ifNoneMatch = headers['if-none-match']
  if (ifNoneMatch !== undefined) return namesThisPage(ifNoneMatch, page)
  const lastModified = page.headers['last-modified']
  const ifModifiedSince = Date.parse(headers['if-modified-since'] ?? '')
  return (
    lastModified !== undefined &&
    Number.isFinite(ifModifiedSince) &&
    Date.parse(lastModified) <= ifModifiedSince
  )
}
