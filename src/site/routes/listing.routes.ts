import type { FastifyInstance } from 'fastify'
import { cacheResponse } from '../../page-cache/page-cache-hooks.js'
import { loadHome } from '../loaders/load-home.js'
import { loadListing } from '../loaders/load-listing.js'
import { HomePage } from '../pages/home-page.js'
import { ListingPage } from '../pages/listing-page.js'
import { CACHE_CONTROL, sendPage } from '../render.js'
import { siteUrls } from '../site-urls.js'
import { pageNumber, PUBLIC, type Params, type Query, type SiteRouteKit } from './site-route-kit.js'

const LISTINGS = [
  ['/:lang/tag/:slug', 'tag'],
  ['/:lang/author/:slug', 'author'],
  ['/:lang/source/:slug', 'source'],
  ['/:lang/:slug/', 'section'],
] as const

/** The way in (`/` and `/{lang}` to the edition's home), each home page and the listings. */
export function registerListingRoutes(app: FastifyInstance, kit: SiteRouteKit): void {
  const { config, withEdition, notFound, logoUrl } = kit

  app.get('/', PUBLIC, async (_request, reply) =>
    reply.redirect(siteUrls.home((await kit.defaultEdition()).code), 302),
  )

  app.get('/:lang', PUBLIC, async (request, reply) => {
    const edition = await kit.editionFor((request.params as Params)['lang'] ?? '')
    return edition ? reply.redirect(siteUrls.home(edition.code), 301) : notFound(request, reply)
  })

  app.get(
    '/:lang/',
    PUBLIC,
    withEdition(async (context, _request, reply) => {
      const home = await loadHome(context)
      const alternates = context.editions.map((edition) => ({
        hreflang: edition.code,
        url: `${config.siteUrl}${siteUrls.home(edition.code)}`,
      }))
      alternates.push({ hreflang: 'x-default', url: `${config.siteUrl}/` })
      cacheResponse(reply, 'front', context.uses)
      return sendPage(
        reply,
        HomePage({ frame: context.frame, home, alternates, logoUrl: logoUrl() }),
        { cacheControl: CACHE_CONTROL.front },
      )
    }),
  )

  for (const [path, kind] of LISTINGS) {
    app.get(
      path,
      PUBLIC,
      withEdition(async (context, request, reply) => {
        const slug = (request.params as Params)['slug'] ?? ''
        const listing = await loadListing(context, kind, slug, pageNumber(request.query as Query))
        if (!listing) return notFound(request, reply)
        cacheResponse(reply, 'front', context.uses)
        return sendPage(reply, ListingPage({ frame: context.frame, listing }), {
          cacheControl: CACHE_CONTROL.front,
        })
      }),
    )
  }
}
