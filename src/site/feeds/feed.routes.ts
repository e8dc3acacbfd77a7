import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CACHE_POLICIES } from '../../http/cache-policy.js'
import { sendConditional } from '../../http/conditional-response.js'
import { cacheResponse } from '../../page-cache/page-cache-hooks.js'
import type { SiteContext } from '../loaders/load-frame.js'
import type { ListingKind } from '../loaders/load-listing.js'
import type { Feed } from './feed-model.js'
import { loadFeed } from './load-feed.js'
import { renderAtom } from './render-atom.js'
import { renderJsonFeed } from './render-json-feed.js'
import { renderRss } from './render-rss.js'

const FORMATS = [
  { file: 'rss.xml', contentType: 'application/rss+xml; charset=utf-8', render: renderRss },
  { file: 'atom.xml', contentType: 'application/atom+xml; charset=utf-8', render: renderAtom },
  {
    file: 'feed.json',
    contentType: 'application/feed+json; charset=utf-8',
    render: renderJsonFeed,
  },
] as const satisfies readonly {
  file: string
  contentType: string
  render: (feed: Feed) => string
}[]

const SCOPES = [
  { prefix: '/:lang', kind: undefined },
  { prefix: '/:lang/:slug', kind: 'section' },
  { prefix: '/:lang/tag/:slug', kind: 'tag' },
  { prefix: '/:lang/author/:slug', kind: 'author' },
  { prefix: '/:lang/source/:slug', kind: 'source' },
] as const satisfies readonly { prefix: string; kind: ListingKind | undefined }[]

type EditionHandler = (
  context: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<unknown>

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 for each edition and each of its sections, tags, authors and sources. */
export function registerFeedRoutes(
  app: FastifyInstance,
  deps: {
    withEdition: (
      handler: EditionHandler,
    ) => (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
    notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
  },
): void {
  for (const scope of SCOPES) {
    for (const format of FORMATS) {
      app.get(
        `${scope.prefix}/${format.file}`,
        { config: { access: 'public' } },
        deps.withEdition(async (context, request, reply) => {
          const slug = (request.params as Record<string, string>)['slug'] ?? ''
          const feed = await loadFeed(context, scope.kind && { kind: scope.kind, slug })
          if (!feed) return deps.notFound(request, reply)
          cacheResponse(reply, 'feed', context.uses)
          return sendConditional(request, reply, {
            body: format.render(feed),
            contentType: format.contentType,
            lastModified: new Date(feed.updatedAt),
            cacheControl: CACHE_POLICIES.feed.cacheControl,
          })
        }),
      )
    }
  }
}
