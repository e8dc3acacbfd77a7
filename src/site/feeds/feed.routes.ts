import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CACHE_POLICIES } from '../../http/cache-policy.js'
import { parseId } from '../../http/common-schemas.js'
import { sendConditional } from '../../http/conditional-response.js'
import { cacheResponse } from '../../page-cache/page-cache-hooks.js'
import type { SiteContext } from '../loaders/load-frame.js'
import type { ListingKind } from '../loaders/load-listing.js'
import type { Feed } from './feed-model.js'
import { feedUrls, loadFeed } from './load-feed.js'
import { loadLiveFeed } from './load-live-feed.js'
import { renderAtom } from './render-atom.js'
import { renderJsonFeed } from './render-json-feed.js'
import { renderRss } from './render-rss.js'

const FORMATS = [
  {
    key: 'rss',
    file: 'rss.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    render: renderRss,
  },
  {
    key: 'atom',
    file: 'atom.xml',
    contentType: 'application/atom+xml; charset=utf-8',
    render: renderAtom,
  },
  {
    key: 'json',
    file: 'feed.json',
    contentType: 'application/feed+json; charset=utf-8',
    render: renderJsonFeed,
  },
] as const satisfies readonly {
  key: keyof Feed['urls']
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

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for each edition and each of its sections, tags, authors and
 * sources, and for the entries of each live story (beside its page: `{article path}/rss.xml`).
 */
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
          return sendFeed(context, request, reply, feed, format)
        }),
      )
    }
  }
  for (const format of FORMATS) {
    app.get(
      `/:lang/:section/:article/${format.file}`,
      { config: { access: 'public' } },
      deps.withEdition(async (context, request, reply) => {
        const article = (request.params as Record<string, string>)['article'] ?? ''
        const id = parseId(/^\d+/.exec(article)?.[0] ?? '')
        const live = id === undefined ? undefined : await loadLiveFeed(context, id)
        if (!live) return deps.notFound(request, reply)
        const path = feedUrls(live.pagePath)[format.key]
        if (request.url.split('?')[0] !== path) return reply.redirect(path, 301)
        return sendFeed(context, request, reply, live.feed, format)
      }),
    )
  }
}

/** A feed in one format: cached with the tags of what it shows, answered conditionally. */
function sendFeed(
  context: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  feed: Feed,
  format: (typeof FORMATS)[number],
) {
  cacheResponse(reply, 'feed', context.uses)
  return sendConditional(request, reply, {
    body: format.render(feed),
    contentType: format.contentType,
    lastModified: new Date(feed.updatedAt),
    cacheControl: CACHE_POLICIES.feed.cacheControl,
  })
}
