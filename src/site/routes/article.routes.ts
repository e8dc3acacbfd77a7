import type { FastifyInstance } from 'fastify'
import { parseId } from '../../http/common-schemas.js'
import { cacheResponse } from '../../page-cache/page-cache-hooks.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { loadArticle } from '../loaders/load-article.js'
import { ArticlePage } from '../pages/article-page.js'
import { CACHE_CONTROL, sendPage } from '../render.js'
import { PUBLIC, type Params, type SiteRouteKit } from './site-route-kit.js'

/**
 * `/{lang}/{section}/{id}-{slug}`: an article page; another URL of the article answers 301 to its
 * canonical one, an unpublished article the edition's 410 page.
 */
export function registerArticleRoutes(app: FastifyInstance, kit: SiteRouteKit): void {
  const { notFound } = kit

  app.get(
    '/:lang/:section/:article',
    PUBLIC,
    kit.withEdition(async (context, request, reply) => {
      const params = request.params as Params
      const id = parseId(/^\d+/.exec(params['article'] ?? '')?.[0] ?? '')
      if (id === undefined) return notFound(request, reply)
      const lookup = await loadArticle(context, id)
      if (lookup.kind === 'missing') return notFound(request, reply)
      if (lookup.kind === 'gone') {
        // Kept at the edge like a front: tagged, so publishing again or a deploy purges it.
        cacheResponse(reply, 'front', context.uses.add(cacheTags.article(id)))
        return kit.sendError(reply, context, 410, request.url)
      }
      if (request.url.split('?')[0] !== lookup.canonicalPath)
        return reply.redirect(lookup.canonicalPath, 301)
      cacheResponse(reply, 'article', context.uses)
      return sendPage(
        reply,
        ArticlePage({ frame: context.frame, article: lookup.view, logoUrl: kit.logoUrl() }),
        { cacheControl: CACHE_CONTROL.article },
      )
    }),
  )
}
