import type { FastifyInstance } from 'fastify'
import { parseId } from '../../http/common-schemas.js'
import { cacheResponse } from '../../page-cache/page-cache-hooks.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { loadArticle } from '../loaders/load-article.js'
import { ArticlePage } from '../pages/article-page.js'
import { CACHE_CONTROL, sendPage } from '../render.js'
import { withPage } from '../site-urls.js'
import { PUBLIC, type Params, type Query, type SiteRouteKit } from './site-route-kit.js'

/**
 * The page of a live story's entries asked for: 1 without `?page`, undefined for a value that is
 * no page number (answered 404 like a page past the last).
 */
function entriesPage(query: Query): number | undefined {
  const value = query['page']
  if (value === undefined) return 1
  return /^[1-9]\d{0,3}$/.test(value) ? Number(value) : undefined
}

/**
 * `/{lang}/{section}/{id}-{slug}`: an article page; another URL of the article answers 301 to its
 * canonical one, an unpublished article the edition's 410 page. A live story's older entries are
 * on `?page=2` and on; `?page=1` answers 301 to the canonical URL.
 */
export function registerArticleRoutes(app: FastifyInstance, kit: SiteRouteKit): void {
  const { notFound } = kit

  app.get(
    '/:lang/:section/:article',
    PUBLIC,
    kit.withEdition(async (context, request, reply) => {
      const params = request.params as Params
      const id = parseId(/^\d+/.exec(params['article'] ?? '')?.[0] ?? '')
      const page = entriesPage(request.query as Query)
      if (id === undefined) return notFound(request, reply)
      const lookup = await loadArticle(context, id, { page: page ?? 1 })
      if (lookup.kind === 'missing') return notFound(request, reply)
      if (lookup.kind === 'gone') {
        // Kept at the edge like a front: tagged, so publishing again or a deploy purges it.
        cacheResponse(reply, 'front', context.uses.add(cacheTags.article(id)))
        return kit.sendError(reply, context, 410, request.url)
      }
      const isLive = lookup.view.live !== undefined
      if (isLive && page === undefined) return notFound(request, reply)
      if (
        request.url.split('?')[0] !== lookup.canonicalPath ||
        (isLive && page === 1 && 'page' in (request.query as Query))
      )
        return reply.redirect(withPage(lookup.canonicalPath, isLive ? (page ?? 1) : 1), 301)
      cacheResponse(reply, 'article', context.uses)
      return sendPage(
        reply,
        ArticlePage({ frame: context.frame, article: lookup.view, logoUrl: kit.logoUrl() }),
        { cacheControl: CACHE_CONTROL.article },
      )
    }),
  )
}
