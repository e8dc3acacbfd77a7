import type { FastifyReply } from 'fastify'
import { renderDocument, type SafeHtml } from './jsx/html.js'

/** Cache lifetimes of public HTML (STANDARDS §9.1): short in browsers, longer at the edge. */
export const CACHE_CONTROL = {
  article: 'public, max-age=60, s-maxage=86400, stale-while-revalidate=300, stale-if-error=86400',
  front: 'public, max-age=30, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400',
  noStore: 'no-store',
} as const

/** Sends a rendered page as HTML with its status and cache lifetime. */
export function sendPage(
  reply: FastifyReply,
  page: SafeHtml,
  options: { status?: number; cacheControl: string },
): FastifyReply {
  return reply
    .status(options.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', options.cacheControl)
    .send(renderDocument(page))
}
