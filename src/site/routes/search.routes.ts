import type { FastifyInstance } from 'fastify'
import { cacheResponse } from '../../page-cache/page-cache-hooks.js'
import type { SearchIndex } from '../../modules/search/search-index.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { loadCards } from '../loaders/load-cards.js'
import { SearchPage } from '../pages/search-page.js'
import { CACHE_CONTROL, sendPage } from '../render.js'
import type { ArticleCard } from '../view-models.js'
import { pageNumber, PUBLIC, type Query, type SiteRouteKit } from './site-route-kit.js'

/** `/{lang}/search?q=`: an edition's search results page. */
export function registerSearchRoutes(
  app: FastifyInstance,
  deps: { kit: SiteRouteKit; search: SearchIndex },
): void {
  const { kit, search: searchIndex } = deps

  app.get(
    '/:lang/search',
    PUBLIC,
    kit.withEdition(async (context, request, reply) => {
      const query = ((request.query as Query)['q'] ?? '').slice(0, 200)
      const results = await searchIndex.search(
        { query, language: context.frame.language },
        { page: pageNumber(request.query as Query), pageSize: 10 },
      )
      const cards = await loadCards(
        context,
        results.items.map((hit) => hit.article),
      )
      const page = SearchPage({
        frame: context.frame,
        query: query.trim(),
        results: results.items.map((hit, index) => ({
          card: cards[index] as ArticleCard,
          headline: hit.headline,
          dek: hit.dek,
          snippet: hit.snippet,
        })),
        total: results.total,
        isTotalCapped: results.isTotalCapped,
        page: results.page,
        pageCount: results.pageCount,
      })
      cacheResponse(reply, 'front', context.uses.add(cacheTags.search(context.frame.language)))
      return sendPage(reply, page, { cacheControl: CACHE_CONTROL.front })
    }),
  )
}
