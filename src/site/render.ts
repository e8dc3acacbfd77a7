import type { FastifyReply } from 'fastify'
import { CACHE_POLICIES } from '../http/cache-policy.js'
import { renderDocument, type SafeHtml } from './jsx/html.js'

/** Cache lifetimes of public HTML (STANDARDS §9.1): short in browsers, longer at the edge. */
export const CACHE_CONTROL = {
  article: CACHE_POLICIES.article.cacheControl,
  front: CACHE_POLICIES.front.cacheControl,
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
